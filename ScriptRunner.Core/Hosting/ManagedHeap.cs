using System.Runtime;

namespace ScriptRunner.Core.Hosting;

/// <summary>The process's managed heap, for the moments a process gives memory back: after a burst, once idle.</summary>
public static class ManagedHeap
{
    /// <summary>
    /// One blocking, compacting full collection in aggressive mode, the large-object heap included, which returns the
    /// free space to the operating system. Costs tens of milliseconds: only for a process with nothing to do.
    /// </summary>
    public static void ReturnFreeMemory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
