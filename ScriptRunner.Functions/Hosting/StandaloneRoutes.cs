using ScriptRunner.Functions.Handlers;

namespace ScriptRunner.Functions.Hosting;

/// <summary>The routes of a standalone run: the Functions paths under <c>/api</c> and the same paths at the root.</summary>
internal static class StandaloneRoutes
{
    /// <summary>The prefix the Functions host gives HTTP-triggered routes (host.json <c>routePrefix</c>).</summary>
    public const string FunctionsPrefix = "/api";

    /// <summary>Maps <c>POST /api/execute</c>, <c>GET /api/health</c>, <c>POST /execute</c> and <c>GET /health</c>.</summary>
    public static IEndpointRouteBuilder MapScriptRunnerRoutes(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { FunctionsPrefix, "" })
        {
            app.MapPost($"{prefix}/{ExecuteFunction.Name}", (HttpContext http, ExecuteFunction function) => function.HandleAsync(http, CancellationToken.None));
            app.MapGet($"{prefix}/{HealthFunction.Name}", (HealthFunction function) => function.Handle());
        }
        return app;
    }
}
