using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// The <see cref="WebCryptoBenchmarks"/> scripts timed by the process's CPU time (as well as by the wall clock): on a
/// shared, overloaded machine the wall clock mostly measures waiting for a core, the CPU time what the work costs. Medians of 15 runs after 5 warm-up runs, per operation.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project ScriptRunner.Benchmarks -- crypto-cpu</c>.</remarks>
internal static class WebCryptoCpuTimes
{
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    // DllImport rather than LibraryImport: the benchmark project does not compile unsafe code.
    [DllImport("libc", EntryPoint = "getrusage")]
#pragma warning disable SYSLIB1054
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
#pragma warning restore SYSLIB1054

    // The process's CPU time (every thread: the sandbox runs scripts on its own large-stack thread), to the microsecond.
    private static double ProcessCpuMicroseconds()
    {
        GetResourceUsage(0, out var u);
        return (u.UserSeconds + u.SystemSeconds) * 1e6 + u.UserMicroseconds + u.SystemMicroseconds;
    }

    /// <summary>Prints one line per engine and script: CPU and wall time per operation, in microseconds.</summary>
    public static int Run(TextWriter output)
    {
        var options = new ScriptRunnerOptions();
        using var v8 = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(options));
        var jint = new JintSandbox();
        var scripts = new (string Name, string Code, int Operations)[]
        {
            ("trivial (no crypto)", V8SandboxBenchmarks.Trivial, 1),
            ("touch crypto", "crypto; 1", 1),
            ("touch crypto.subtle", "crypto.subtle; 1", 1),
            ("digest SHA-256 1 MB", WebCryptoBenchmarks.Digest, WebCryptoBenchmarks.BigRepeats),
            ("HMAC-SHA256 sign 1 KB", WebCryptoBenchmarks.Hmac, WebCryptoBenchmarks.Repeats),
            ("AES-GCM encrypt 1 MB", WebCryptoBenchmarks.AesGcm, WebCryptoBenchmarks.BigRepeats),
            ("ES256 verify", WebCryptoBenchmarks.Es256, WebCryptoBenchmarks.Repeats),
        };
        output.WriteLine("engine | script | cpu us/op | wall us/op");
        foreach (var (engine, sandbox) in new (string, IScriptSandbox)[] { (EngineNames.Jint, jint), (EngineNames.V8, v8) })
        {
            foreach (var (name, code, operations) in scripts)
            {
                var cpu = new List<double>();
                var wall = new List<double>();
                for (var i = 0; i < 20; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var cpuStarted = ProcessCpuMicroseconds();
                    var outcome = V8SandboxBenchmarks.Run(sandbox, options, code);
                    var cpuUsed = ProcessCpuMicroseconds() - cpuStarted;
                    var wallUsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                    if (!outcome.Success) throw new InvalidOperationException($"{engine} {name}: {outcome.ErrorType} {outcome.Error}");
                    if (i < 5) continue;
                    cpu.Add(cpuUsed / operations);
                    wall.Add(wallUsed / operations);
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine} | {name} | {Median(cpu):F1} | {Median(wall):F1}"));
            }
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
