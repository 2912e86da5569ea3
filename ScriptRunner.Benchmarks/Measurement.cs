namespace ScriptRunner.Benchmarks;

/// <summary>Timings of one benchmark in one engine; the same JSON shape node/bench.mjs writes.</summary>
internal sealed record Measurement(string Name, string Kind, double MedianMs, double MinMs, int Iterations, string? Checksum)
{
    /// <summary>Median and minimum of per-iteration times.</summary>
    public static Measurement From(string name, string kind, IReadOnlyList<double> timesMs, string? checksum)
    {
        var sorted = timesMs.Order().ToArray();
        var median = sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return new Measurement(name, kind, median, sorted[0], sorted.Length, checksum);
    }
}
