using ScriptRunner.Core.Sandboxing;

namespace ScriptRunner.Functions.Endpoints;

/// <summary>
/// <c>GET /api/health</c>: the service and its sandbox pool. <c>degraded</c> (still 200) while no sandbox is free;
/// <c>unhealthy</c> with 503 while sandboxes cannot be started.
/// </summary>
internal static class HealthEndpoint
{
    /// <summary>Maps the route under <paramref name="api"/>.</summary>
    public static RouteHandlerBuilder MapHealthEndpoint(this IEndpointRouteBuilder api) => api.MapGet("/health", Handle);

    private static IResult Handle(TimeProvider clock, SandboxPool pool)
    {
        var state = pool.State;
        var body = new HealthStatus(state.Status, clock.GetUtcNow(), AppVersion.Current, new PoolStatus(state.Size, state.Ready, state.Busy, state.Starting));
        return TypedResults.Json(body, statusCode: state.Failing ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    /// <summary>The health check body.</summary>
    internal sealed record HealthStatus(string Status, DateTimeOffset Timestamp, string Version, PoolStatus Pool);

    /// <summary>The sandbox pool: processes kept, and how many are ready, busy and starting.</summary>
    internal sealed record PoolStatus(int Size, int Ready, int Busy, int Starting);
}
