namespace ScriptRunner.Functions.Hosting;

/// <summary>
/// Gives memory back once a burst is over. The collector runs only when something allocates, so an idle service
/// would keep whatever a burst left behind (pooled buffers, a grown heap, large-object-heap fragments) for as long as
/// it stays idle. Once <see cref="RequestActivity"/> says the service has been idle a while, one compacting full
/// collection in aggressive mode returns the free space to the operating system.
/// </summary>
internal sealed partial class IdleMemoryTrim(RequestActivity activity, TimeProvider clock, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    /// <summary>How often idleness is checked; a trim follows the last request within this much of its idle time.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!activity.TrimDue()) continue;
                activity.Trimmed();
                Trim();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Trim()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        ScriptRunner.Core.Hosting.ManagedHeap.ReturnFreeMemory();
        LogTrimmed(logger, before >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "idle trim: managed heap committed {BeforeMb} MB -> {AfterMb} MB")]
    private static partial void LogTrimmed(ILogger logger, long beforeMb, long afterMb);
}
