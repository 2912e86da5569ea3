using System.Diagnostics;

namespace ScriptRunner.Tests.Support;

/// <summary>Waits for something done in the background (a pool replacing a process, an exporter's batch) to be true.</summary>
public static class Eventually
{
    /// <summary>The wait when a test names none: generous, as a loaded CI machine needs.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="condition"/> every 20 ms; fails the test, saying <paramref name="what"/>, if it is still false after <paramref name="within"/>.</summary>
    public static async Task True(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? DefaultLimit;
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < limit, $"{what} within {limit.TotalSeconds:0} s");
            await Task.Delay(20);
        }
    }
}
