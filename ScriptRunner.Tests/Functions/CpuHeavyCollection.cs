namespace ScriptRunner.Tests.Functions;

/// <summary>
/// Tests that keep every core busy on purpose (many infinite loops at once). They run alone, after the parallel
/// tests, so they neither slow other tests' deadlines nor get slowed by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuHeavyCollection
{
    public const string Name = "CPU-heavy";
}
