using System.Text.Json.Nodes;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// The function metadata the Worker SDK generates from the <c>[Function]</c> attributes at build time
/// (<c>functions.metadata</c> beside the app): the names, methods, routes and auth levels the host routes by.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly JsonArray Functions =
        JsonNode.Parse(File.ReadAllText(Path.Combine(BuiltApp.Directory, "functions.metadata")))!.AsArray();

    private static JsonObject Function(string name) => Functions.Single(f => (string?)f!["name"] == name)!.AsObject();

    private static JsonObject Trigger(string name) =>
        Function(name)["bindings"]!.AsArray().Single(b => (string?)b!["type"] == "httpTrigger")!.AsObject();

    [Fact]
    public void TheAppDeclaresExactlyExecuteAndHealth() =>
        Assert.Equal(["execute", "health"], Functions.Select(f => (string?)f!["name"]).Order());

    [Theory]
    [InlineData("execute", "post", "execute", "Function")]
    [InlineData("health", "get", "health", "Anonymous")]
    public void EachFunction_IsAnHttpTriggerWithItsMethodRouteAndAuthLevel(string name, string method, string route, string authLevel)
    {
        var trigger = Trigger(name);

        Assert.Equal("In", (string?)trigger["direction"]);
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal(authLevel, (string?)trigger["authLevel"]);
    }

    [Theory]
    [InlineData("execute")]
    [InlineData("health")]
    public void EachFunction_AnswersThroughItsHttpReturnValue(string name)
    {
        var output = Function(name)["bindings"]!.AsArray().Single(b => (string?)b!["direction"] == "Out")!.AsObject();

        Assert.Equal(("$return", "http"), ((string?)output["name"], (string?)output["type"]));
    }

    [Theory]
    [InlineData("execute")]
    [InlineData("health")]
    public void EachFunction_RunsInTheIsolatedWorkerFromTheAppAssembly(string name)
    {
        Assert.Equal("dotnet-isolated", (string?)Function(name)["language"]);
        Assert.Equal("ScriptRunner.Functions.dll", (string?)Function(name)["scriptFile"]);
    }

    [Fact]
    public void WorkerConfig_StartsTheAppAssemblyWithDotnetAndIndexesInTheWorker()
    {
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(BuiltApp.Directory, "worker.config.json")))!["description"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("ScriptRunner.Functions.dll", (string?)description["defaultWorkerPath"]);
        Assert.Equal("true", (string?)description["workerIndexing"]);
    }
}
