using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Sandboxing.Protocol;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>
/// Every execution runs in one of a fixed number of warm sandbox processes, started with the app, plus spares held back
/// to take the place of one that leaves. Admission is bounded: past the concurrency and queue bounds a run is refused at
/// once, and a run waits for a sandbox no longer than its own deadline.
/// </summary>
/// <remarks>
/// Which process is in which state, and every move between states, is <see cref="PoolStateMachine{TProcess}"/>'s; this
/// class starts and retires processes when it asks, reports back what they do, and runs executions on them.
/// </remarks>
public sealed class SandboxPool : ISandboxExecutor, IHostedService, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetireWait = TimeSpan.FromSeconds(1);

    private readonly SandboxLauncher _launcher;
    private readonly SandboxOptions _options;
    private readonly int _size;
    private readonly int _admissionBound;
    private readonly byte[] _configuration;
    private readonly ScriptRunnerTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly PoolStateMachine<SandboxProcess> _machine;
    private readonly MemoryWatch _memoryWatch;
    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentDictionary<Task, byte> _retirements = new();
    private readonly FaultHistory _faults;
    private int _inFlight;

    /// <summary>A pool sized and bounded by <paramref name="options"/>, starting processes with <paramref name="launcher"/>.</summary>
    public SandboxPool(ScriptRunnerOptions options, SandboxLauncher launcher, ScriptRunnerTelemetry telemetry, ILogger<SandboxPool> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _launcher = launcher;
        _options = options.Sandbox;
        _size = _options.PoolSize > 0 ? _options.PoolSize : options.Limits.MaxConcurrentExecutions;
        _admissionBound = _size + options.Limits.MaxQueueLength;
        _configuration = JsonSerializer.SerializeToUtf8Bytes(options, SandboxProtocol.Json);
        _telemetry = telemetry;
        _logger = logger;
        _machine = new PoolStateMachine<SandboxProcess>(_size, _options.SpareProcesses, Start, Retire, logger);
        _memoryWatch = new MemoryWatch(TimeSpan.FromMilliseconds(_options.MemorySampleIntervalMs));
        _faults = new FaultHistory(TimeSpan.FromSeconds(_options.OffenderWindowSeconds), TimeProvider.System);
        telemetry.ObservePool(() =>
        {
            var state = State;
            return new SandboxPoolCounts(state.Ready, state.Busy, state.Starting);
        });
    }

    /// <summary>How the pool stands now.</summary>
    public SandboxPoolState State => _machine.State;

    /// <summary>Ids of the processes in service (idle, busy or draining).</summary>
    internal IReadOnlyList<int> ProcessIds => IdsIn(SandboxState.Idle, SandboxState.Busy, SandboxState.Draining);

    /// <summary>Ids of the spare processes.</summary>
    internal IReadOnlyList<int> SpareIds => IdsIn(SandboxState.Spare);

    /// <summary>Completes when at least <paramref name="count"/> processes are ready, or fails after <paramref name="timeout"/>.</summary>
    internal async Task WaitReadyAsync(int count, TimeSpan timeout)
    {
        _machine.Begin();
        using var expiry = new CancellationTokenSource(timeout);
        while (State.Ready < count) await Task.Delay(10, expiry.Token).ConfigureAwait(false);
    }

    /// <summary>Starts the warm processes without waiting for them: the app can listen while they warm up.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _machine.Begin();
        return Task.CompletedTask;
    }

    /// <summary>Stops every process.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<SandboxRun> RunAsync(SandboxJob job, OutputCapture output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
        _machine.Begin();

        if (Interlocked.Increment(ref _inFlight) > _admissionBound)
        {
            Interlocked.Decrement(ref _inFlight);
            _telemetry.RecordRejected();
            throw new CapacityExceededException($"All {_size} sandboxes are busy and the queue of {_admissionBound - _size} is full.");
        }

        // The deadline is fixed on admission: the wait for a sandbox counts against it, whatever the pool is doing.
        job = job with { Deadline = job.Deadline ?? DateTimeOffset.UtcNow + job.Timeout };
        var code = $"{job.Engine}:{job.Sha256}";
        SandboxProcess process;
        _telemetry.QueuedChanged(1);
        try
        {
            process = await AcquireAsync(job, _faults.IsSuspect(code), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _inFlight);
            throw;
        }
        finally
        {
            _telemetry.QueuedChanged(-1);
        }

        _telemetry.ActiveChanged(1);
        _memoryWatch.Add(process);
        try
        {
            var run = await process.RunAsync(job, output, TimeSpan.FromMilliseconds(_options.KillGraceMs), cancellationToken).ConfigureAwait(false);
            if (run.Outcome.ErrorType is ErrorTypes.Timeout or ErrorTypes.MemoryLimit) _faults.Record(code);
            return run;
        }
        finally
        {
            _memoryWatch.Remove(process);
            _telemetry.ActiveChanged(-1);
            Interlocked.Decrement(ref _inFlight);
            _ = ReturnAsync(process);
        }
    }

    /// <summary>Takes a sandbox for <paramref name="job"/>, waiting for one no later than its deadline.</summary>
    private async Task<SandboxProcess> AcquireAsync(SandboxJob job, bool suspect, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var acquisition = _machine.Acquire(suspect);
        try
        {
            var left = job.Deadline!.Value - started;
            return await acquisition.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // A sandbox handed out just as the wait ended is given back at once.
            if (!_machine.Withdraw(acquisition) && acquisition.IsCompletedSuccessfully) _machine.Release(acquisition.Result, healthy: true, due: false);
            if (e is OperationCanceledException) throw;
            ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
            throw new CapacityExceededException(State.Failing
                ? "No sandbox process could be started."
                : $"No sandbox became free within {(DateTimeOffset.UtcNow - started).TotalMilliseconds:0} ms.");
        }
    }

    /// <summary>After a run: back in service once the process has cleaned up; the machine decides whether it stays.</summary>
    private async Task ReturnAsync(SandboxProcess process)
    {
        var healthy = process.IsAlive && await process.WaitIdleAsync(IdleWait).ConfigureAwait(false);
        var due = healthy && DueReason(process) is { } reason && LogDue(process, reason);
        _machine.Release(process, healthy, due);
    }

    /// <summary>Why a live process should be replaced now, or null.</summary>
    private string? DueReason(SandboxProcess process) =>
        process.Executions >= _options.MaxExecutionsPerProcess ? "quota"
        : process.IdleBytes - process.BaselineBytes > _options.RecycleAboveBaselineMb * 1024L * 1024L ? "memory"
        : null;

    private bool LogDue(SandboxProcess process, string reason)
    {
        _logger.LogDebug("Sandbox process {ProcessId} is due for replacement ({Reason}) after {Executions} executions, resident {IdleMb} MB against {BaselineMb} MB when ready",
            process.ProcessId, reason, process.Executions, process.IdleBytes >> 20, process.BaselineBytes >> 20);
        return true;
    }

    /// <summary>Starts a member's process in the background, trying again after a failure until the pool closes.</summary>
    private void Start(PoolMember<SandboxProcess> member) => _ = Task.Run(async () =>
    {
        var failures = 0;
        while (!_closing.IsCancellationRequested)
        {
            try
            {
                var process = await SandboxProcess.StartAsync(_launcher, _configuration,
                    TimeSpan.FromMilliseconds(_options.StartTimeoutMs), _logger, _closing.Token).ConfigureAwait(false);
                // An idle process that dies (killed from outside, crashed) is replaced without waiting for a request to find it.
                _ = process.Ended.ContinueWith(_ => _machine.Ended(process), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                _machine.Ready(member, process);
                return;
            }
            catch (SandboxStartException e)
            {
                failures++;
                _logger.LogError("A sandbox process failed to start ({Failures} in a row): {Reason}", failures, e.Message);
                _machine.StartFailed(member);
            }
            catch (OperationCanceledException)
            {
                _machine.StartFailed(member);
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 << Math.Min(failures, 6))), _closing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    });

    /// <summary>Lets a process leave: asked to exit, killed if it does not within a second.</summary>
    private void Retire(SandboxProcess process)
    {
        var retirement = Task.Run(async () =>
        {
            await process.RetireAsync(RetireWait).ConfigureAwait(false);
            process.Dispose();
        });
        _retirements[retirement] = 0;
        _ = retirement.ContinueWith(t => _retirements.TryRemove(t, out _), TaskScheduler.Default);
    }

    private int[] IdsIn(params SandboxState[] states) =>
        _machine.Members.Where(m => states.Contains(m.State) && m.Member.Process is not null).Select(m => m.Member.Process!.ProcessId).ToArray();

    /// <summary>Stops every process (killing any that does not exit within a second).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (_closing.IsCancellationRequested) return;
        _closing.Cancel();
        _machine.ShutDown();
        _memoryWatch.Dispose();
        await Task.WhenAll(_retirements.Keys).ConfigureAwait(false);
    }
}
