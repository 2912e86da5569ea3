using System.Net;
using ScriptRunner.Tests.Sandbox.WebAssembly;

namespace ScriptRunner.Tests.Functions;

/// <summary>The third-party WASI programs again, posted to /api/execute: exit code and stdout as each .json says.</summary>
public sealed class WasiTestsuiteEndToEndTests(WasmAppFixture app) : IClassFixture<WasmAppFixture>
{
    public static TheoryData<string> Programs() => WasiTestsuite.Programs();

    [WasiTestsuiteTheory]
    [MemberData(nameof(Programs))]
    public async Task Program_OverHttp_ExitsAndPrintsAsItsSpecificationSays(string program)
    {
        var (code, spec) = WasiTestsuite.Load(program);

        var (status, body) = await WasmAppFixture.ExecuteAsync(app.Open, new
        {
            codeBase64 = Convert.ToBase64String(code),
            args = spec.Args,
            envVars = spec.Env,
            stdin = spec.Stdin,
            timeout = 30_000,
            memory = 256,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["exitCode"] is not null, $"{program} did not exit: {body["errorType"]}: {body["error"]}");
        Assert.Equal(spec.ExitCode, (int)body["exitCode"]!);
        Assert.Equal(spec.ExitCode == 0 ? "success" : "error", (string)body["status"]!);
        if (spec.Stdout is not null) Assert.Equal(spec.Stdout, (string)body["stdout"]!);
    }
}
