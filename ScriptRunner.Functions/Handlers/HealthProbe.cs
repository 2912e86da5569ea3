namespace ScriptRunner.Functions.Handlers;

/// <summary>Builds the health report from the services that know the state of the app.</summary>
/// <remarks>
/// Today the in-process executor is always able to serve; the sandbox-process pool adds its counts through
/// <see cref="HealthReport.Pool"/> and its status (degraded, unhealthy) here.
/// </remarks>
public sealed class HealthProbe(TimeProvider clock)
{
    /// <summary>The state now.</summary>
    public HealthReport Read() => new(HealthReport.Healthy, clock.GetUtcNow(), AppVersion.Current);
}
