using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScriptRunner.Core;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Tests.Functions;

/// <summary>The Azure Functions files at the repository root agree with the app they host.</summary>
public sealed class AzureFunctionsLayoutTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScriptRunner.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ScriptRunner.sln not found above the test binaries.");
    }

    private static JsonObject ReadJson(params string[] path) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine([Root, .. path])))!.AsObject();

    [Fact]
    public void HostJson_PointsAtTheAppExecutable_AndForwardsHttpRequests()
    {
        var host = ReadJson("host.json");
        var handler = host["customHandler"]!.AsObject();

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal(typeof(Program).Assembly.GetName().Name, handler["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.True(handler["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host["extensionBundle"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("execute", "post", "function")]
    [InlineData("health", "get", "anonymous")]
    public void FunctionJson_DeclaresTheRouteTheAppServes(string function, string method, string authLevel)
    {
        var bindings = ReadJson(function, "function.json")["bindings"]!.AsArray().Select(b => b!.AsObject()).ToArray();

        var trigger = Assert.Single(bindings, b => b["type"]!.GetValue<string>() == "httpTrigger");
        Assert.Equal("in", trigger["direction"]!.GetValue<string>());
        Assert.Equal(function, trigger["route"]!.GetValue<string>());
        Assert.Equal(authLevel, trigger["authLevel"]!.GetValue<string>());
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        var output = Assert.Single(bindings, b => b["type"]!.GetValue<string>() == "http");
        Assert.Equal(("out", "res"), (output["direction"]!.GetValue<string>(), output["name"]!.GetValue<string>()));
    }

    [Fact]
    public void SampleSettings_UseTheCustomWorkerRuntime() =>
        Assert.Equal("custom", ReadJson("local.settings.sample.json")["Values"]!["FUNCTIONS_WORKER_RUNTIME"]!.GetValue<string>());

    [Fact]
    public void SampleSettings_ListEverySettingWithItsDefault()
    {
        var values = ReadJson("local.settings.sample.json")["Values"]!.AsObject();
        var defaults = new ScriptRunnerOptions();
        var expected = new List<string>();

        foreach (var section in typeof(ScriptRunnerOptions).GetProperties())
        {
            var sectionDefaults = section.GetValue(defaults)!;
            foreach (var setting in section.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var key = $"ScriptRunner__{section.Name}__{setting.Name}";
                expected.Add(key);
                Assert.True(values.ContainsKey(key), $"local.settings.sample.json lacks {key}");
                var sample = values[key]!.GetValue<string>();
                var value = setting.GetValue(sectionDefaults);

                if (setting.Name == nameof(LimitsOptions.MaxConcurrentExecutions))
                    Assert.True(int.Parse(sample) > 0, $"{key} must be a positive number");
                else if (value is List<string> list)
                    Assert.Equal(string.Join(",", list), sample);
                else
                    Assert.Equal(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant(), sample.ToLowerInvariant());
            }
        }

        var extra = values.Select(v => v.Key).Where(k => k.StartsWith("ScriptRunner__", StringComparison.Ordinal)).Except(expected);
        Assert.Empty(extra);
    }

    [Fact]
    public void SampleSettings_BindAndPassValidation()
    {
        var values = ReadJson("local.settings.sample.json")["Values"]!.AsObject();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ":"), v.Value!.GetValue<string>())))
            .Build();
        using var services = new ServiceCollection().AddLogging().AddScriptRunnerCore(configuration).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Empty(services.GetRequiredService<IOptions<ScriptRunnerOptions>>().Value.SandboxFetch.AllowedHosts);
    }

    [Fact]
    public void Pipeline_PublishesTheAppAndCopiesTheFunctionsLayoutBesideIt()
    {
        var pipeline = File.ReadAllText(Path.Combine(Root, "azure-pipelines.yml"));

        Assert.Contains("dotnet publish ScriptRunner.Functions -c $(buildConfiguration) -r linux-x64 --self-contained false -o", pipeline);
        Assert.Contains("cp host.json", pipeline);
        Assert.Contains("cp -r execute health", pipeline);
        Assert.Contains("AzureFunctionApp@2", pipeline);
        Assert.Contains("FUNCTIONS_WORKER_RUNTIME custom", pipeline);
        Assert.All(Directory.GetDirectories(Root).Where(d => File.Exists(Path.Combine(d, "function.json"))),
            d => Assert.Contains(Path.GetFileName(d), pipeline));
    }
}
