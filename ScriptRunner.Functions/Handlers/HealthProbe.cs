using ScriptRunner.Core.Sandboxing;

namespace ScriptRunner.Functions.Handlers;

/// <summary>Builds the health report from the services that know the state of the app: the clock and the sandbox pool.</summary>
public sealed class HealthProbe(TimeProvider clock, SandboxPool pool)
{
    /// <summary>The state now.</summary>
    public HealthReport Read()
    {
        var state = pool.State;
        return new HealthReport(state.Status, clock.GetUtcNow(), AppVersion.Current,
            new HealthReport.PoolState(state.Size, state.Ready, state.Busy, state.Starting, state.Spare));
    }
}
