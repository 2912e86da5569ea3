namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>
/// Third-party WASI preview1 programs (AssemblyScript, C, Rust) run in the sandbox on both engines, one case per program and engine, from the
/// folder named by SCRIPTRUNNER_WASI_TESTSUITE: skipped when it is unset, failing when it names no folder.
/// </summary>
public sealed class WasiTestsuiteTests
{
    public static TheoryData<string, string> Programs()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in new[] { ScriptRunner.Core.Execution.EngineNames.Managed, ScriptRunner.Core.Execution.EngineNames.Wasmtime })
        {
            foreach (var program in WasiTestsuite.Programs()) data.Add(engine, program);
        }

        return data;
    }

    [WasiTestsuiteTheory]
    [MemberData(nameof(Programs))]
    public void Program_ExitsAndPrintsAsItsSpecificationSays(string engine, string program)
    {
        var (code, spec) = WasiTestsuite.Load(program);

        var run = WasmRun.Execute(
            code,
            args: spec.Args,
            env: spec.Env,
            stdin: spec.Stdin,
            timeout: TimeSpan.FromSeconds(30),
            memoryLimitBytes: 256L * 1024 * 1024,
            engineName: engine);

        Assert.True(run.Outcome.ExitCode is not null, $"{program} did not exit: {run.Outcome.ErrorType}: {run.Outcome.Error}");
        Assert.Equal(spec.ExitCode, run.Outcome.ExitCode);
        if (spec.Stdout is not null) Assert.Equal(spec.Stdout, run.Stdout);
    }
}
