using ScriptRunner.Core.Sandboxing;

namespace ScriptRunner.Tests.Core.Sandboxing;

public sealed class FaultHistoryTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void CodeThatFaulted_IsASuspect_UntilTheWindowPasses()
    {
        var clock = new ManualClock();
        var faults = new FaultHistory(TimeSpan.FromSeconds(60), clock);

        faults.Record("jint:abc");
        clock.Now += TimeSpan.FromSeconds(59);
        Assert.True(faults.IsSuspect("jint:abc"));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.False(faults.IsSuspect("jint:abc"));
    }

    [Fact]
    public void OtherCode_IsNeverASuspect()
    {
        var faults = new FaultHistory(TimeSpan.FromSeconds(60), new ManualClock());

        faults.Record("jint:abc");

        Assert.False(faults.IsSuspect("v8:abc"));
    }

    [Fact]
    public void AZeroWindow_RecordsNothing()
    {
        var faults = new FaultHistory(TimeSpan.Zero, new ManualClock());

        faults.Record("jint:abc");

        Assert.False(faults.IsSuspect("jint:abc"));
    }

    [Fact]
    public void AFloodOfDistinctFaults_StaysBounded_KeepingTheRecentOnes()
    {
        var clock = new ManualClock();
        var faults = new FaultHistory(TimeSpan.FromSeconds(60), clock);
        for (var i = 0; i < 10_000; i++) faults.Record($"old:{i}");
        clock.Now += TimeSpan.FromSeconds(61);

        faults.Record("new");

        Assert.True(faults.IsSuspect("new"));
        Assert.Equal(1, faults.Count);
    }
}
