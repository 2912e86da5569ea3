using System.Runtime.InteropServices;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// The calling thread's CPU time (Linux): on a loaded machine a steadier figure than the wall clock, as it leaves out
/// time spent waiting for a core; and the percentiles the timing tools report it by.
/// </summary>
internal static class ThreadCpu
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>The thread's CPU time so far, in microseconds; NaN where the clock is missing.</summary>
    public static double Microseconds() =>
        ClockGetTime(ThreadCpuClock, out var time) == 0 ? time.Seconds * 1e6 + time.Nanoseconds / 1e3 : double.NaN;

    /// <summary>The value below which <paramref name="percent"/>% of <paramref name="values"/> fall (sorts them).</summary>
    public static double Percentile(List<double> values, int percent)
    {
        values.Sort();
        return values[values.Count * percent / 100];
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
