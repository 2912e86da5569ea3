namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>
/// Third-party WASI preview1 programs (AssemblyScript, C, Rust) run in the sandbox, one case per program, from the
/// folder named by SCRIPTRUNNER_WASI_TESTSUITE: skipped when it is unset, failing when it names no folder.
/// </summary>
public sealed class WasiTestsuiteTests
{
    public static TheoryData<string> Programs() => WasiTestsuite.Programs();

    [WasiTestsuiteTheory]
    [MemberData(nameof(Programs))]
    public void Program_ExitsAndPrintsAsItsSpecificationSays(string program)
    {
        var (code, spec) = WasiTestsuite.Load(program);

        var run = WasmRun.Execute(
            code,
            args: spec.Args,
            env: spec.Env,
            stdin: spec.Stdin,
            timeout: TimeSpan.FromSeconds(30),
            memoryLimitBytes: 256L * 1024 * 1024);

        Assert.True(run.Outcome.ExitCode is not null, $"{program} did not exit: {run.Outcome.ErrorType}: {run.Outcome.Error}");
        Assert.Equal(spec.ExitCode, run.Outcome.ExitCode);
        if (spec.Stdout is not null) Assert.Equal(spec.Stdout, run.Stdout);
    }
}
