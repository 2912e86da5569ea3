namespace ScriptRunner.Functions.Endpoints;

/// <summary><c>GET /api/health</c>: answers while the process can serve requests.</summary>
internal static class HealthEndpoint
{
    /// <summary>Maps the route under <paramref name="api"/>.</summary>
    public static RouteHandlerBuilder MapHealthEndpoint(this IEndpointRouteBuilder api) =>
        api.MapGet("/health", (TimeProvider clock) => TypedResults.Ok(new HealthStatus("healthy", clock.GetUtcNow(), AppVersion.Current)));

    /// <summary>The health check body.</summary>
    internal sealed record HealthStatus(string Status, DateTimeOffset Timestamp, string Version);
}
