namespace ScriptRunner.Functions.Endpoints;

/// <summary>Maps every route of the HTTP API in one place: the same paths under Azure Functions and locally.</summary>
internal static class ScriptRunnerApi
{
    /// <summary>The prefix Azure Functions gives HTTP-triggered routes (host.json <c>routePrefix</c>).</summary>
    public const string RoutePrefix = "/api";

    /// <summary>Maps <c>POST /api/execute</c> and <c>GET /api/health</c>.</summary>
    public static IEndpointRouteBuilder MapScriptRunnerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix);
        api.MapExecuteEndpoint();
        api.MapHealthEndpoint();
        return app;
    }
}
