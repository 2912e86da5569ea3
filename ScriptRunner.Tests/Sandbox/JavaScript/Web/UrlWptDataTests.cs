using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary>
/// The web-platform-tests' URL data files, each run as WPT runs it (the harness scripts in Wpt/ follow
/// url/url-constructor.any.js, url-origin.any.js, url-setters.any.js, toascii.window.js, percent-encoding.window.js and
/// urlpattern/urlpattern.any.js),
/// in one script execution per file and engine. Each test asserts the pass rate the project promises and prints
/// every failing case.
/// </summary>
public sealed class UrlWptDataTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void UrlTestData_ConstructorAndOrigin_PassAtLeast99Percent(string engine) =>
        WptRun.AssertPassRate(output, engine, "urltestdata", 0.99);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void SettersTests_EverySetter_PassAtLeast99Percent(string engine) =>
        WptRun.AssertPassRate(output, engine, "setters_tests", 0.99);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ToAscii_HostNames_PassAtLeast95Percent(string engine) =>
        WptRun.AssertPassRate(output, engine, "toascii", 0.95);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PercentEncoding_Utf8Query_AllPass(string engine) =>
        WptRun.AssertPassRate(output, engine, "percent-encoding", 1.0);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void UrlPatternTestData_ConstructionAndMatching_PassAtLeast95Percent(string engine) =>
        WptRun.AssertPassRate(output, engine, "urlpatterntestdata", 0.95);
}

/// <summary>Runs one WPT data file through its harness script on one engine and checks the pass rate.</summary>
internal static class WptRun
{
    /// <summary>Runs <c>Wpt/&lt;name&gt;.js</c> over <c>&lt;name&gt;.json</c>, prints the count and failures, and asserts the rate.</summary>
    public static void AssertPassRate(ITestOutputHelper output, string engine, string name, double minimum)
    {
        var harness = WptData.ReadRepositoryFile(Path.Combine("ScriptRunner.Tests", "Sandbox", "JavaScript", "Web", "Wpt", name + ".js"));
        var code = $"const cases = {WptData.Read(name + ".json")};\nconst outcome = {harness}\noutcome;\n";
        var run = JsHarness.On(engine).Execute(code, timeout: TimeSpan.FromMinutes(2), memoryBytes: 1L << 30);
        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
        var result = run.Outcome.Result!.ToNode()!.AsObject();
        var total = result["total"]!.GetValue<int>();
        var passed = result["passed"]!.GetValue<int>();
        var failures = result["failures"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        output.WriteLine($"{name}.json on {engine}: {passed}/{total} passed");
        foreach (var failure in failures) output.WriteLine("  " + failure);
        Assert.True(total > 0, $"{name}.json ran no case");
        Assert.True(passed >= minimum * total,
            $"{name}.json on {engine}: {passed}/{total} passed, below {minimum:P0}:\n{string.Join('\n', failures)}");
    }
}
