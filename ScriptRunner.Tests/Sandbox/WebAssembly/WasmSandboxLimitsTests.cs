using System.Diagnostics;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>Hostile and broken modules: each ends with its exact outcome, and the sandbox keeps working afterwards.</summary>
public sealed class WasmSandboxLimitsTests
{
    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void InfiniteLoopInStart_EndsWithTimeout_AndKeepsPartialStdout(string engine)
    {
        var clock = Stopwatch.StartNew();

        var run = WasmRun.Fixture("infinite_loop.wasm", timeout: TimeSpan.FromSeconds(1), engineName: engine);

        // Generous bounds: the deadline timer may fire a few milliseconds either side of the stopwatch.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out after 1000 ms in function '_start'", run.Outcome.Error);
        Assert.Equal("before the loop\n", run.Stdout);
        AssertSandboxStillWorks(engine);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void EndlessSleepInPollOneoff_EndsWithTimeout_AndKeepsPartialStdout(string engine)
    {
        var clock = Stopwatch.StartNew();

        var run = WasmRun.Fixture("sleep_forever.wasm", timeout: TimeSpan.FromSeconds(1), engineName: engine);

        // Generous bounds: the deadline timer may fire a few milliseconds either side of the stopwatch.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.StartsWith("execution timed out after 1000 ms", run.Outcome.Error);
        Assert.Equal("going to sleep\n", run.Stdout);
        AssertSandboxStillWorks(engine);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void InfiniteRecursion_IsCallStackExhaustedTrap(string engine)
    {
        var run = WasmRun.Fixture("infinite_recursion.wasm", engineName: engine);

        Assert.Equal(ErrorTypes.Trap, run.Outcome.ErrorType);
        Assert.Equal("wasm trap: call stack exhausted in function 'recurse'", run.Outcome.Error);
        AssertSandboxStillWorks(engine);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void MemoryGrowLoop_IsRefusedAtTheLimit_AndTheModuleSeesIt(string engine)
    {
        var run = WasmRun.Fixture("memory_grow_loop.wasm", handler: "grow", memoryLimitBytes: 64L * 1024 * 1024, engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        // 64 MiB is 1024 pages of 64 KiB; the grow that would pass it returned -1.
        Assert.Equal("1024", run.Outcome.Result!.ToJsonString());
        Assert.Equal(64L * 1024 * 1024, run.Outcome.MemoryPeakBytes);
        AssertSandboxStillWorks(engine);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void InitialMemoryOverTheLimit_IsMemoryLimitAtInstantiation(string engine)
    {
        var run = WasmRun.Fixture("huge_memory.wasm", memoryLimitBytes: 64L * 1024 * 1024, engineName: engine);

        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.EndsWith("(the execution's memory limit is 64 MiB)", run.Outcome.Error);
        AssertSandboxStillWorks(engine);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void InitialMemoryWithinTheLimit_Instantiates(string engine)
    {
        var run = WasmRun.Fixture("huge_memory.wasm", memoryLimitBytes: 512L * 1024 * 1024, engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal(256L * 1024 * 1024, run.Outcome.MemoryPeakBytes);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void DataSegmentPastTheEndOfMemory_IsOutOfBoundsTrapAtInstantiation(string engine)
    {
        var run = WasmRun.Fixture("data_out_of_bounds.wasm", engineName: engine);

        Assert.Equal(ErrorTypes.Trap, run.Outcome.ErrorType);
        Assert.StartsWith("wasm trap: out of bounds memory access", run.Outcome.Error);
        AssertSandboxStillWorks(engine);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void MalformedBytes_AreCompileErrorWithTheDecoderMessage(string engine)
    {
        var run = WasmRun.Execute("\0asm\x01\0\0\0\x01\x05"u8.ToArray(), engineName: engine);

        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.StartsWith("malformed module: ", run.Outcome.Error);
        Assert.Equal(CacheHit.Miss, run.Outcome.CacheHit);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void InvalidModule_IsCompileErrorWithTheValidatorMessage(string engine)
    {
        // One function of type () -> (i32) whose body is just `end`: it leaves no i32 on the stack.
        byte[] module =
        [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,
            0x03, 0x02, 0x01, 0x00,
            0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B,
        ];

        var run = WasmRun.Execute(module, engineName: engine);

        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.StartsWith("invalid module: type mismatch", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void StdoutOverItsCap_IsTruncatedAndFlagged_WhileTheRunCompletes(string engine)
    {
        var run = WasmRun.Fixture("wasi_command.wasm", args: ["a", "b"], maxStdoutBytes: 10, engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        // Ten bytes as the answer carries them: the newline takes two once escaped.
        Assert.Equal("argc=3\nar", run.Stdout);
        Assert.True(run.Output.Truncated.Stdout);
    }

    private static void AssertSandboxStillWorks(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "add", parameters: [1, 2], engineName: engine);
        Assert.Equal("3", run.Outcome.Result!.ToJsonString());
    }
}
