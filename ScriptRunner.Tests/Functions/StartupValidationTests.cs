using Microsoft.Extensions.Options;

namespace ScriptRunner.Tests.Functions;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task InconsistentLimits_StopTheAppAtStartup_NamingTheSetting()
    {
        await using var app = new ScriptRunnerApp(("ScriptRunner:Limits:DefaultTimeoutMs", "60000"), ("ScriptRunner:Limits:MaxTimeoutMs", "30000"));

        var failure = Assert.Throws<OptionsValidationException>(() => app.Client());

        Assert.Contains("ScriptRunner:Limits:DefaultTimeoutMs", failure.Message);
    }
}
