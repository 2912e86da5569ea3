using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>WASI commands (no handler): _start with args, environ and stdin; exit codes; a C program built with wasi-libc.</summary>
public sealed class WasmSandboxCommandTests
{
    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Command_PrintsArgsEnvironAndStdin_AndSucceedsWithExitCodeZero(string engine)
    {
        var run = WasmRun.Fixture("wasi_command.wasm",
            args: ["first", "two words", "ünïcode"],
            env: new Dictionary<string, string> { ["GREETING"] = "hello there" },
            stdin: "line one\nline two\n", engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal(0, run.Outcome.ExitCode);
        Assert.Null(run.Outcome.Result);
        Assert.Equal(
            "argc=4\nargv[1]=first\nargv[2]=two words\nargv[3]=ünïcode\nGREETING=hello there\n" +
            "stdin: LINE ONE\nstdin: LINE TWO\nstdin lines=2\n",
            run.Stdout);
        Assert.Equal("to stderr\n", run.Stderr);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Command_WithoutInputs_SeesNoArgsNoVariableAndEmptyStdin(string engine)
    {
        var run = WasmRun.Fixture("wasi_command.wasm", engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal("argc=1\nGREETING=(unset)\nstdin lines=0\n", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Command_ReturningNonZeroFromMain_IsExitCodeError(string engine)
    {
        var run = WasmRun.Fixture("wasi_command.wasm", env: new Dictionary<string, string> { ["EXIT_CODE"] = "3" }, engineName: engine);

        Assert.False(run.Outcome.Success);
        Assert.Equal(ErrorTypes.ExitCode, run.Outcome.ErrorType);
        Assert.Equal(3, run.Outcome.ExitCode);
        Assert.Equal("the program exited with code 3", run.Outcome.Error);
        Assert.EndsWith("stdin lines=0\n", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Command_CallingExit_ReportsTheExitCodeAndKeepsOutput(string engine)
    {
        var run = WasmRun.Fixture("wasi_command.wasm", env: new Dictionary<string, string> { ["MODE"] = "exit" }, engineName: engine);

        Assert.Equal(ErrorTypes.ExitCode, run.Outcome.ErrorType);
        Assert.Equal(42, run.Outcome.ExitCode);
        Assert.Equal("to stderr\n", run.Stderr);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Command_CallingAbort_IsUnreachableTrapNamingTheFunction(string engine)
    {
        var run = WasmRun.Fixture("wasi_command.wasm", env: new Dictionary<string, string> { ["MODE"] = "abort" }, engineName: engine);

        Assert.False(run.Outcome.Success);
        Assert.Equal(ErrorTypes.Trap, run.Outcome.ErrorType);
        Assert.Null(run.Outcome.ExitCode);
        Assert.StartsWith("wasm trap: unreachable in function '", run.Outcome.Error);
        Assert.Contains("abort", run.Outcome.Error);
        Assert.EndsWith("stdin lines=0\n", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Command_ReactorWithoutHandler_IsInvalidRequestListingExports(string engine)
    {
        var run = WasmRun.Fixture("reactor_initialize.wasm", engineName: engine);

        Assert.Equal(ErrorTypes.InvalidRequest, run.Outcome.ErrorType);
        Assert.Equal(
            "the module has no _start export, so it is not a WASI command; name the export to call with `handler`; " +
            "its function exports are: _initialize () -> (), ready () -> (i32)",
            run.Outcome.Error);
    }
}
