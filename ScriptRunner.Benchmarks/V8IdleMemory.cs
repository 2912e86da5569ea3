using Microsoft.Extensions.Options;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript.V8;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// What an idle pooled V8 sandbox costs its process: resident memory after the runtime has started, before and after
/// V8 is warmed (isolate made, prelude compiled, one run done, the next context made ahead). Run it in a fresh
/// process (<c>v8-memory</c>) so nothing else has touched the heap.
/// </summary>
internal static class V8IdleMemory
{
    /// <summary>Prints resident set sizes in MB and returns 0.</summary>
    public static int Run(TextWriter output)
    {
        var before = Resident();
        using var sandbox = new V8Sandbox(Options.Create(new ScriptRunnerOptions()));
        var bytes = "1 + 1"u8.ToArray();
        var outcome = EngineCall.Run(sandbox, new SandboxJob
        {
            Code = bytes,
            Sha256 = "v8-memory",
            CodeType = CodeType.JavaScript,
            Engine = sandbox.Engine,
            Timeout = TimeSpan.FromSeconds(10),
            MemoryLimitBytes = 128L * 1024 * 1024,
        }, new HostBindings(new OutputCapture(1024, 1024, 1, 64), null!, TimeProvider.System));
        if (!outcome.Success) throw new InvalidOperationException($"{outcome.ErrorType}: {outcome.Error}");
        // Let the next context finish being made, as it is in an idle pooled process.
        Thread.Sleep(1000);
        GC.Collect();
        var after = Resident();
        output.WriteLine($"resident before V8: {before / 1048576.0:F1} MB; idle with a warm V8 isolate and context: {after / 1048576.0:F1} MB; V8's share: {(after - before) / 1048576.0:F1} MB");
        return 0;
    }

    private static long Resident()
    {
        // VmRSS from /proc (Linux); the working set elsewhere.
        foreach (var line in File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status") : [])
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }

        return Environment.WorkingSet;
    }
}
