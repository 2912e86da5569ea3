using ScriptRunner.Functions.Hosting;

namespace ScriptRunner.Tests.Functions;

/// <summary>When the idle trim is due: only after requests, none in flight, and a quiet spell since the last one.</summary>
public sealed class RequestActivityTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public long Now { get; set; } = 1_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now;

        public void Advance(TimeSpan by) => Now += by.Ticks;
    }

    private readonly ManualClock _clock = new();
    private readonly RequestActivity _activity;

    public RequestActivityTests() => _activity = new RequestActivity(_clock);

    [Fact]
    public void NoRequestsYet_NoTrim()
    {
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(_activity.TrimDue());
    }

    [Fact]
    public void AfterARequest_TrimIsDueOnceTheServiceHasBeenIdleLongEnough()
    {
        _activity.Begin().Dispose();

        _clock.Advance(RequestActivity.IdleBeforeTrim - TimeSpan.FromTicks(1));
        Assert.False(_activity.TrimDue());
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(_activity.TrimDue());
    }

    [Fact]
    public void ARequestInFlight_HoldsTheTrimOff()
    {
        _activity.Begin().Dispose();
        using var running = _activity.Begin();

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(_activity.TrimDue());
    }

    [Fact]
    public void AfterATrim_TheNextWaitsForNewRequests()
    {
        _activity.Begin().Dispose();
        _clock.Advance(RequestActivity.IdleBeforeTrim);
        _activity.Trimmed();

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(_activity.TrimDue());

        _activity.Begin().Dispose();
        Assert.False(_activity.TrimDue());
        _clock.Advance(RequestActivity.IdleBeforeTrim);
        Assert.True(_activity.TrimDue());
    }

    [Fact]
    public void EndingARequestTwice_CountsOnce()
    {
        var first = _activity.Begin();
        using var second = _activity.Begin();
        first.Dispose();
        first.Dispose();

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(_activity.TrimDue());
    }
}
