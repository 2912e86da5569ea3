using System.Text.Json;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// What to time, read from bench-plan.json; node/bench.mjs reads the same file so both engines make the same calls
/// the same number of times.
/// </summary>
internal sealed record BenchmarkPlan(
    string KernelModule,
    IReadOnlyList<KernelPlan> Kernels,
    ModulePlan Compile,
    StartupPlan Startup,
    ModulePlan Instantiate)
{
    /// <summary>The plan file beside the executable.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "bench-plan.json");

    /// <summary>Reads a plan; module paths in it are relative to the plan's folder.</summary>
    public static BenchmarkPlan Load(string path)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return JsonSerializer.Deserialize<BenchmarkPlan>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path} is empty");
    }

    /// <summary>Resolves a module path of the plan against the plan's folder.</summary>
    public static byte[] ReadModule(string planPath, string module) =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(planPath) ?? ".", module));
}

/// <summary>One exported kernel call: integer arguments, warm-up calls, timed calls.</summary>
internal sealed record KernelPlan(string Name, string Export, IReadOnlyList<long> Args, int Warmup, int Iterations);

/// <summary>A module-level measurement (compile or instantiate).</summary>
internal sealed record ModulePlan(string Name, string Module, int Warmup, int Iterations);

/// <summary>
/// Time to first results of a large module: compile, instantiate, then call <see cref="Export"/>(k, 3, k) once for each
/// k below <see cref="Calls"/>, so every function runs once (and, in a JIT, is compiled once).
/// </summary>
internal sealed record StartupPlan(string Name, string Module, string Export, int Calls, int Warmup, int Iterations);
