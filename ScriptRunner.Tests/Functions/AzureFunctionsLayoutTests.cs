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
    public void HostJson_IsForAnIsolatedWorker_WithTheApiRoutePrefix()
    {
        var host = ReadJson("host.json");

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal("OpenTelemetry", host["telemetryMode"]!.GetValue<string>());
        // A custom handler's section would make the host start the app as one; bundles are for non-.NET workers.
        Assert.False(host.ContainsKey("customHandler"));
        Assert.False(host.ContainsKey("extensionBundle"));
    }

    [Fact]
    public void NoHandWrittenFunctionJson_RemainsAtTheRoot() =>
        Assert.DoesNotContain(Directory.GetDirectories(Root), d => File.Exists(Path.Combine(d, "function.json")));

    [Fact]
    public void HostJson_IsCopiedBesideTheBuiltApp() =>
        Assert.Equal(File.ReadAllText(Path.Combine(Root, "host.json")), File.ReadAllText(Path.Combine(BuiltApp.Directory, "host.json")));

    [Fact]
    public void SampleSettings_UseTheIsolatedWorkerRuntime() =>
        Assert.Equal("dotnet-isolated", ReadJson("local.settings.sample.json")["Values"]!["FUNCTIONS_WORKER_RUNTIME"]!.GetValue<string>());

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
    public void Pipeline_PublishesForLinuxAndDeploysAnIsolatedWorker()
    {
        var pipeline = File.ReadAllText(Path.Combine(Root, "azure-pipelines.yml"));

        Assert.Contains("dotnet publish ScriptRunner.Functions -c $(buildConfiguration) -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o", pipeline);
        Assert.Contains("AzureFunctionApp@2", pipeline);
        Assert.Contains("runtimeStack: DOTNET-ISOLATED|10.0", pipeline);
        Assert.Contains("-FUNCTIONS_WORKER_RUNTIME dotnet-isolated", pipeline);
        Assert.DoesNotContain("custom", pipeline);
        Assert.DoesNotContain("function.json", pipeline);
    }
}
