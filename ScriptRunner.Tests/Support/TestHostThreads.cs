using System.Runtime.CompilerServices;

namespace ScriptRunner.Tests.Support;

/// <summary>
/// The test host runs many engines side by side, and their scripts block their threads on fetches and joins the way a
/// sandbox process's one execution thread may. A thread pool that starts small would then take seconds to grow, and
/// the loopback servers those fetches wait for would stall behind it; the pool starts wide enough instead.
/// </summary>
internal static class TestHostThreads
{
    [ModuleInitializer]
    internal static void WidenThreadPool()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
