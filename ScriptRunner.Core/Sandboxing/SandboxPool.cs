using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Sandboxing.Protocol;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>
/// Every execution runs in one of a fixed number of warm sandbox processes, started with the app. A process runs one
/// execution at a time; it is replaced when it dies, is killed, has run its quota, or stays too far above its starting
/// memory. Admission is bounded: past the concurrency and queue bounds a run is refused at once.
/// </summary>
/// <remarks>
/// Spare processes (<see cref="SandboxOptions.SpareProcesses"/>) are started and warmed but never serve: a process that
/// dies, is killed or is recycled has its place taken by a spare at once, and a new spare warms up in the background.
/// Recycling overlaps: a process past its quota or memory bound keeps serving while its replacement warms up, and
/// leaves once the replacement is ready, so no request waits for a process start because of a recycle.
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
    // Idle processes, most recently used first: a repeat of the same code lands where its compiled form is cached.
    private readonly ConcurrentStack<SandboxProcess> _idle = new();
    private readonly SemaphoreSlim _idleCount = new(0);
    private readonly ConcurrentDictionary<SandboxProcess, byte> _processes = new();
    // The same processes as a set, so health counts only live ones as ready.
    private readonly ConcurrentDictionary<SandboxProcess, byte> _idleSet = new();
    // Warm processes held back from serving; whoever removes one owns it.
    private readonly ConcurrentDictionary<SandboxProcess, byte> _spares = new();
    private readonly int _spareCount;
    private readonly MemoryWatch _memoryWatch;
    private readonly CancellationTokenSource _closing = new();
    private int _inFlight;
    private int _starting;
    private int _failedStarts;
    private int _started;

    /// <summary>A pool sized and bounded by <paramref name="options"/>, starting processes with <paramref name="launcher"/>.</summary>
    public SandboxPool(ScriptRunnerOptions options, SandboxLauncher launcher, ScriptRunnerTelemetry telemetry, ILogger<SandboxPool> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _launcher = launcher;
        _options = options.Sandbox;
        _size = _options.PoolSize > 0 ? _options.PoolSize : options.Limits.MaxConcurrentExecutions;
        _admissionBound = _size + options.Limits.MaxQueueLength;
        _spareCount = _options.SpareProcesses;
        _configuration = JsonSerializer.SerializeToUtf8Bytes(options, SandboxProtocol.Json);
        _telemetry = telemetry;
        _logger = logger;
        _memoryWatch = new MemoryWatch(TimeSpan.FromMilliseconds(_options.MemorySampleIntervalMs));
        telemetry.ObservePool(() =>
        {
            var state = State;
            return new SandboxPoolCounts(state.Ready, state.Busy, state.Starting);
        });
    }

    /// <summary>How the pool stands now.</summary>
    public SandboxPoolState State
    {
        get
        {
            var ready = _idleSet.Keys.Count(p => p.IsAlive);
            var starting = Volatile.Read(ref _starting);
            var up = _processes.Count;
            var failing = up == 0 && Volatile.Read(ref _failedStarts) > 0;
            return new SandboxPoolState(_size, ready, Math.Max(0, up - ready), starting, failing, _spares.Keys.Count(p => p.IsAlive));
        }
    }

    /// <summary>Ids of the live sandbox processes.</summary>
    internal IReadOnlyList<int> ProcessIds => _processes.Keys.Select(p => p.ProcessId).ToArray();

    /// <summary>Ids of the spare processes.</summary>
    internal IReadOnlyList<int> SpareIds => _spares.Keys.Select(p => p.ProcessId).ToArray();

    /// <summary>Completes when at least <paramref name="count"/> processes are ready, or fails after <paramref name="timeout"/>.</summary>
    internal async Task WaitReadyAsync(int count, TimeSpan timeout)
    {
        _ = StartAsync(CancellationToken.None);
        using var expiry = new CancellationTokenSource(timeout);
        while (State.Ready < count) await Task.Delay(10, expiry.Token).ConfigureAwait(false);
    }

    /// <summary>Starts the warm processes without waiting for them: the app can listen while they warm up.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // The first process gets the machine to itself, so the first request is answered as soon as possible;
            // the others start once it is ready, and the spares once they are.
            StartReplacement(afterReady: () =>
            {
                var pending = _size - 1;
                if (pending == 0) StartSpares();
                for (var i = 1; i < _size; i++) StartReplacement(afterReady: () => { if (Interlocked.Decrement(ref pending) == 0) StartSpares(); });
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>Stops every process.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<SandboxRun> RunAsync(SandboxJob job, OutputCapture output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
        _ = StartAsync(CancellationToken.None);

        if (Interlocked.Increment(ref _inFlight) > _admissionBound)
        {
            Interlocked.Decrement(ref _inFlight);
            _telemetry.RecordRejected();
            throw new CapacityExceededException($"All {_size} sandboxes are busy and the queue of {_admissionBound - _size} is full.");
        }

        _telemetry.QueuedChanged(1);
        SandboxProcess process;
        try
        {
            process = await AcquireAsync(job.Timeout, cancellationToken).ConfigureAwait(false);
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
            return await process.RunAsync(job, output, TimeSpan.FromMilliseconds(_options.KillGraceMs), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _memoryWatch.Remove(process);
            _telemetry.ActiveChanged(-1);
            Interlocked.Decrement(ref _inFlight);
            _ = ReturnAsync(process);
        }
    }

    /// <summary>
    /// Takes an idle process. A run waits at most its own timeout for one; while the pool is still short of processes
    /// being started (warming up at app start, replacing a killed one), it waits for them up to the start timeout.
    /// </summary>
    private async Task<SandboxProcess> AcquireAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var startTimeout = TimeSpan.FromMilliseconds(_options.StartTimeoutMs);
        while (true)
        {
            SandboxProcess process;
            try
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
                wait.CancelAfter(timeout);
                await _idleCount.WaitAsync(wait.Token).ConfigureAwait(false);
                if (!_idle.TryPop(out process!)) continue;
                // Whoever takes a process out of the idle set owns it; an entry already taken (superseded) is skipped.
                if (!_idleSet.TryRemove(process, out _)) continue;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
                var warming = Volatile.Read(ref _starting) > 0 && !State.Failing;
                if (warming && System.Diagnostics.Stopwatch.GetElapsedTime(started) < startTimeout) continue;
                throw new CapacityExceededException(State.Failing
                    ? "No sandbox process could be started."
                    : $"No sandbox became free within {timeout.TotalMilliseconds:0} ms.");
            }

            if (process.Superseded) Retire(process, replace: false);
            else if (process.IsAlive) return process;
            else Retire(process, replace: true);
        }
    }

    /// <summary>After a run: back to the idle set once the process has cleaned up; replaced when it ended or is due.</summary>
    private async Task ReturnAsync(SandboxProcess process)
    {
        var idle = process.IsAlive && await process.WaitIdleAsync(IdleWait).ConfigureAwait(false);
        if (!idle)
        {
            Retire(process, replace: true);
            return;
        }

        if (process.Superseded || !OfferReplacingIfDue(process))
        {
            Retire(process, replace: false);
            return;
        }

        // The replacement may have become ready between the check and the offer: then nobody else will retire this one.
        if (process.Superseded) RetireIfIdle(process);
    }

    /// <summary>Retires a superseded process now if it is idle; a busy one leaves when its run returns it.</summary>
    private void RetireIfIdle(SandboxProcess process)
    {
        if (_idleSet.TryRemove(process, out _)) Retire(process, replace: false);
    }

    /// <summary>Why a live process should be replaced now, or null.</summary>
    private string? DueReason(SandboxProcess process) =>
        process.Executions >= _options.MaxExecutionsPerProcess ? "quota"
        : process.IdleBytes - process.BaselineBytes > _options.RecycleAboveBaselineMb * 1024L * 1024L ? "memory"
        : null;

    /// <summary>Offers a process, starting its replacement first when it is due for one; false once the pool is closing.</summary>
    private bool OfferReplacingIfDue(SandboxProcess process)
    {
        var dueReason = DueReason(process);
        if (dueReason is not null && !_closing.IsCancellationRequested && process.ClaimReplacement())
        {
            _logger.LogDebug("Replacing sandbox process {ProcessId} ({Reason}) after {Executions} executions, resident {IdleMb} MB against {BaselineMb} MB when ready",
                process.ProcessId, dueReason, process.Executions, process.IdleBytes >> 20, process.BaselineBytes >> 20);
            Replace(supersedes: process);
        }
        return Offer(process);
    }

    /// <summary>Puts a process in the idle set; false once the pool is closing.</summary>
    private bool Offer(SandboxProcess process)
    {
        if (_closing.IsCancellationRequested) return false;
        _idleSet[process] = 0;
        _idle.Push(process);
        _idleCount.Release();
        return true;
    }

    private void Retire(SandboxProcess process, bool replace)
    {
        // Whoever removes a process from the set replaces it: the watch on its end may have done so already, and a
        // process whose replacement is already starting needs no second one.
        if (!_processes.TryRemove(process, out _) || !process.ClaimReplacement()) replace = false;
        _ = Task.Run(async () =>
        {
            await process.RetireAsync(RetireWait).ConfigureAwait(false);
            process.Dispose();
        });
        if (replace && !_closing.IsCancellationRequested) Replace();
    }

    private void StartSpares()
    {
        for (var i = 0; i < _spareCount; i++) StartReplacement(asSpare: true);
    }

    /// <summary>
    /// Fills a place in the pool: with a spare at once when one is ready (a new spare then starts), else with a new
    /// process. <paramref name="supersedes"/> (if any) leaves the pool once its successor serves.
    /// </summary>
    private void Replace(SandboxProcess? supersedes = null)
    {
        foreach (var spare in _spares.Keys)
        {
            if (!_spares.TryRemove(spare, out _)) continue;
            if (!spare.IsAlive)
            {
                spare.Dispose();
                StartReplacement(asSpare: true);
                continue;
            }

            // Already watched since it became a spare.
            if (Serve(spare, supersedes)) StartReplacement(asSpare: true);
            return;
        }

        StartReplacement(supersedes);
    }

    /// <summary>
    /// Starts a process in the background; once it is ready, it serves (or, <paramref name="asSpare"/>, waits as a
    /// spare), <paramref name="supersedes"/> (if any) leaves the pool and <paramref name="afterReady"/> (if any) runs.
    /// </summary>
    private void StartReplacement(SandboxProcess? supersedes = null, Action? afterReady = null, bool asSpare = false)
    {
        Interlocked.Increment(ref _starting);
        _ = Task.Run(async () =>
        {
            try
            {
                while (!_closing.IsCancellationRequested)
                {
                    try
                    {
                        var process = await SandboxProcess.StartAsync(_launcher, _configuration,
                            TimeSpan.FromMilliseconds(_options.StartTimeoutMs), _logger, _closing.Token).ConfigureAwait(false);
                        Volatile.Write(ref _failedStarts, 0);
                        if (asSpare)
                        {
                            HoldSpare(process);
                            afterReady?.Invoke();
                            return;
                        }

                        if (Serve(process, supersedes)) _ = WatchAsync(process);
                        afterReady?.Invoke();
                        return;
                    }
                    catch (SandboxStartException e)
                    {
                        var failures = Interlocked.Increment(ref _failedStarts);
                        _logger.LogError("A sandbox process failed to start ({Failures} in a row): {Reason}", failures, e.Message);
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 << Math.Min(failures, 6))), _closing.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Interlocked.Decrement(ref _starting);
            }
        });
    }

    /// <summary>
    /// Puts a ready process into service; <paramref name="supersedes"/> (if any) then leaves the pool. False (and the
    /// process disposed) once the pool is closing.
    /// </summary>
    private bool Serve(SandboxProcess process, SandboxProcess? supersedes)
    {
        _processes[process] = 0;
        if (!Offer(process))
        {
            _processes.TryRemove(process, out _);
            process.Dispose();
            return false;
        }

        if (supersedes is not null)
        {
            supersedes.Superseded = true;
            RetireIfIdle(supersedes);
        }
        return true;
    }

    /// <summary>Keeps a ready process back as a spare; disposes it once the pool is closing.</summary>
    private void HoldSpare(SandboxProcess process)
    {
        _spares[process] = 0;
        if (_closing.IsCancellationRequested && _spares.TryRemove(process, out _))
        {
            process.Dispose();
            return;
        }
        _ = WatchAsync(process);
    }

    /// <summary>
    /// An idle process that dies (killed from outside, crashed while idle) is replaced without waiting for a request to
    /// find it; so is a spare.
    /// </summary>
    private async Task WatchAsync(SandboxProcess process)
    {
        await process.Ended.ConfigureAwait(false);
        if (_closing.IsCancellationRequested) return;
        if (_processes.TryRemove(process, out _) && process.ClaimReplacement()) Replace();
        else if (_spares.TryRemove(process, out _)) StartReplacement(asSpare: true);
    }

    /// <summary>Stops every process (killing any that does not exit within a second).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_closing.IsCancellationRequested) return;
        _closing.Cancel();
        _idle.Clear();
        _memoryWatch.Dispose();
        var all = _processes.Keys.Concat(_spares.Keys).ToArray();
        _processes.Clear();
        _spares.Clear();
        await Task.WhenAll(all.Select(async p =>
        {
            await p.RetireAsync(RetireWait).ConfigureAwait(false);
            p.Dispose();
        })).ConfigureAwait(false);
    }
}
