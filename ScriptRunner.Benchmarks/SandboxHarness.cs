using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.WebAssembly;
using ScriptRunner.Sandbox.WebAssembly.Wasmtime;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// Whole sandbox executions (<c>IScriptSandbox.Execute</c>, as a sandbox process runs them) on either engine:
/// a request for a module in a fresh process (cold, or from the disk cache), the per-request overhead of a warm module,
/// and the cost of one host call.
/// </summary>
internal static class SandboxHarness
{
    /// <summary>
    /// <c>request &lt;module.wasm&gt; &lt;export&gt; [args...] [--cache DIR] [--timeout-ms N] [--warm]</c>: one Wasmtime request in this (new)
    /// process; prints its time, cacheHit and compileTimeMs. <c>--warm</c> first runs a tiny module, as a pooled
    /// sandbox process has before its first real request, so .NET's own start-up is not counted.
    /// </summary>
    public static int Request(string[] args)
    {
        var warm = args.Contains("--warm");
        args = [.. args.Where(a => a != "--warm")];
        var cache = Option(ref args, "--cache") ?? Path.Combine(Path.GetTempPath(), "scriptrunner-bench-cache");
        var timeout = TimeSpan.FromMilliseconds(double.Parse(Option(ref args, "--timeout-ms") ?? "60000", CultureInfo.InvariantCulture));
        var code = File.ReadAllBytes(args[0]);
        var parameters = args[2..].Select(a => long.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var started = Stopwatch.GetTimestamp();
        using var runtime = new WasmtimeRuntime(new WasmOptions { CacheDirectory = cache });
        var created = Stopwatch.GetElapsedTime(started);
        if (warm)
        {
            var tiny = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Kernels", "hostcall.wasm"));
            EngineCall.Run(new WasmtimeSandbox(runtime), Job(tiny, "calls", [10], TimeSpan.FromSeconds(10)), Host());
        }

        var start = Stopwatch.GetTimestamp();
        var outcome = EngineCall.Run(new WasmtimeSandbox(runtime), Job(code, args[1], parameters, timeout), Host());
        var elapsed = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(
            $"{Path.GetFileName(args[0])} ({code.Length:N0} bytes): request {elapsed.TotalMilliseconds:F1} ms (engine created in {created.TotalMilliseconds:F1} ms), " +
            $"cacheHit {outcome.CacheHit}, compileTimeMs {outcome.CompileTimeMs:F1}, result {outcome.Result?.ToJsonString() ?? outcome.Error}");
        // A compile that outlasted the timeout goes on in the background; the process ends without waiting for it.
        Environment.Exit(outcome.Success ? 0 : 1);
        return 0;
    }

    /// <summary><c>overhead</c>: per-request cost of a warm module and per-call cost of a host function, both engines.</summary>
    public static int Overhead()
    {
        var code = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Kernels", "hostcall.wasm"));
        using var runtime = new WasmtimeRuntime(new WasmOptions { CacheDirectory = Path.Combine(Path.GetTempPath(), "scriptrunner-bench-cache") });
        foreach (var (name, sandbox) in new (string, IScriptSandbox)[]
                 {
                     (EngineNames.Managed, new ManagedWasmSandbox(new ScriptRunner.Wasm.Engine())),
                     (EngineNames.Wasmtime, new WasmtimeSandbox(runtime)),
                 })
        {
            const int requests = 2000;
            const int calls = 1_000_000;
            for (var i = 0; i < 200; i++) EngineCall.Run(sandbox, Job(code, "nothing", [], TimeSpan.FromSeconds(10)), Host());
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < requests; i++) EngineCall.Run(sandbox, Job(code, "nothing", [], TimeSpan.FromSeconds(10)), Host());
            var perRequest = Stopwatch.GetElapsedTime(start).TotalMicroseconds / requests;

            EngineCall.Run(sandbox, Job(code, "calls", [calls], TimeSpan.FromSeconds(60)), Host());
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var t = Stopwatch.GetTimestamp();
                EngineCall.Run(sandbox, Job(code, "calls", [calls], TimeSpan.FromSeconds(60)), Host());
                times.Add((Stopwatch.GetElapsedTime(t).TotalMicroseconds - perRequest) * 1000 / calls);
            }

            times.Sort();
            Console.WriteLine($"{name,-9} warm request (instantiate, bind host, call an empty export): {perRequest,8:F1} µs   host call env.get_unixtime: {times[2],6:F1} ns");
        }

        return 0;
    }

    private static SandboxJob Job(byte[] code, string handler, long[] parameters, TimeSpan timeout) => new()
    {
        Code = code,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(code)),
        CodeType = CodeType.Wasm,
        Handler = handler,
        Params = [.. parameters.Select(p => JsonSerializer.SerializeToElement(p))],
        Timeout = timeout,
        MemoryLimitBytes = 256L * 1024 * 1024,
    };

    private static HostBindings Host() => new(new OutputCapture(1 << 20, 1 << 20, 100, 16 * 1024), NoFetch.Instance, TimeProvider.System);

    private static string? Option(ref string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0 || index + 1 >= args.Length) return null;
        var value = args[index + 1];
        args = [.. args[..index], .. args[(index + 2)..]];
        return value;
    }
}
