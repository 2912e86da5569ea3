using System.Diagnostics;

namespace ScriptRunner.Tests.Functions;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task InconsistentLimits_StopTheBuiltAppAtStartup_NamingTheSetting()
    {
        var start = new ProcessStartInfo("dotnet", ["ScriptRunner.Functions.dll"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ScriptRunner__Limits__DefaultTimeoutMs"] = "60000";
        start.Environment["ScriptRunner__Limits__MaxTimeoutMs"] = "30000";
        // Port 0: should validation ever pass, the app binds nowhere in particular and the test still ends.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("ScriptRunner:Limits:DefaultTimeoutMs", await stdout + await stderr);
    }
}
