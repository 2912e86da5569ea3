using Microsoft.AspNetCore.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace ScriptRunner.Functions.Handlers;

/// <summary><c>GET /api/health</c>: the service's state, anonymous so probes need no key.</summary>
public sealed class HealthFunction(HealthProbe probe, IOptions<JsonOptions> json)
{
    /// <summary>The function's name in the Functions host and in its generated metadata.</summary>
    public const string Name = "health";

    /// <summary>The Functions entry point: an anonymous HTTP trigger.</summary>
    [Function(Name)]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Name)] HttpRequest request,
        FunctionContext context) => Handle();

    /// <summary>Reads the probe once and answers with its report and status code.</summary>
    public IResult Handle()
    {
        var report = probe.Read();
        return TypedResults.Json(report, json.Value.SerializerOptions, statusCode: report.StatusCode);
    }
}
