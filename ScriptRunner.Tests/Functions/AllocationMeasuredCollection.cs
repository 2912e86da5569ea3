namespace ScriptRunner.Tests.Functions;

/// <summary>
/// Tests that count the bytes this process allocates while the app serves one request. They run alone, after the
/// parallel tests, so other tests' allocations do not land in their count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasuredCollection
{
    public const string Name = "Allocation-measured";
}
