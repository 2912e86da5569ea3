using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Core.Execution;

/// <summary>
/// Runs executions on a small pool of long-lived, large-stack worker threads, with a bound on how many run at once
/// and how many may wait. Over both bounds a run is refused at once with <see cref="CapacityExceededException"/>.
/// </summary>
/// <remarks>
/// Script engines recurse on the native stack, so runs never use thread-pool or request threads: a deep script
/// gets <see cref="WorkerStackBytes"/> and cannot starve the web server. A run that ignores its deadline keeps its
/// worker (and so its slot) until it returns, but its caller is released after the grace period.
/// </remarks>
internal sealed class ExecutionScheduler : IDisposable
{
    /// <summary>Stack reserved per worker; only the touched part is committed.</summary>
    internal const int WorkerStackBytes = 64 * 1024 * 1024;

    /// <summary>How long past its deadline a run may take before its caller stops waiting.</summary>
    internal static readonly TimeSpan DefaultOverrunGrace = TimeSpan.FromSeconds(2);

    private readonly int _maxConcurrent;
    private readonly int _maxQueue;
    private readonly TimeSpan _overrunGrace;
    private readonly ScriptRunnerTelemetry _telemetry;
    private readonly object _gate = new();
    private readonly Queue<WorkItem> _queue = new();
    private readonly Action _releaseSlot;
    private int _queued;
    private int _running;
    private int _workers;
    private bool _disposed;

    public ExecutionScheduler(int maxConcurrent, int maxQueue, ScriptRunnerTelemetry telemetry, TimeSpan? overrunGrace = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueue);
        _maxConcurrent = maxConcurrent;
        _maxQueue = maxQueue;
        _telemetry = telemetry;
        _overrunGrace = overrunGrace ?? DefaultOverrunGrace;
        _releaseSlot = ReleaseSlot;
    }

    /// <summary>Runs waiting for a worker.</summary>
    public int QueuedCount { get { lock (_gate) return _queued; } }

    /// <summary>Runs on a worker, overrunning ones included.</summary>
    public int RunningCount { get { lock (_gate) return _running; } }

    /// <summary>Worker threads started so far.</summary>
    public int WorkerCount { get { lock (_gate) return _workers; } }

    /// <summary>
    /// Runs <paramref name="work"/> on a worker with a token that fires at <paramref name="timeout"/> after it starts
    /// (or when <paramref name="cancellationToken"/> does).
    /// </summary>
    /// <exception cref="CapacityExceededException">No slot or queue place, or no worker freed up within the timeout.</exception>
    /// <exception cref="ExecutionOverrunException">The work ran past its deadline plus the grace period.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, T> work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var item = new WorkItem<T>(work, timeout, cancellationToken);
        Admit(item);

        try
        {
            // A queued run waits at most its own timeout for a worker: past that the caller is better told to retry.
            await item.Started.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            if (TryAbandon(item))
            {
                if (e is OperationCanceledException) throw;
                throw new CapacityExceededException($"No execution slot became free within {timeout.TotalMilliseconds:0} ms.");
            }
            // It started in the meantime: wait for it like any other run.
        }

        try
        {
            return await item.Completion.WaitAsync(timeout + _overrunGrace, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ExecutionOverrunException(timeout);
        }
    }

    private void Admit(WorkItem item)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queued + _running >= _maxConcurrent + _maxQueue)
            {
                _telemetry.RecordRejected();
                throw new CapacityExceededException(
                    $"All {_maxConcurrent} execution slots and {_maxQueue} queue places are taken.");
            }

            _queue.Enqueue(item);
            _queued++;
            _telemetry.QueuedChanged(1);

            // One worker per admitted run, up to the bound: then every queued run has a worker free or finishing.
            if (_workers < _maxConcurrent && _workers < _queued + _running)
            {
                _workers++;
                var thread = new Thread(WorkerLoop, WorkerStackBytes)
                {
                    IsBackground = true,
                    Name = $"ScriptRunner worker {_workers}",
                };
                thread.Start();
            }
            else
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    private bool TryAbandon(WorkItem item)
    {
        lock (_gate)
        {
            if (item.State != WorkState.Queued) return false;
            item.State = WorkState.Abandoned;
            _queued--;
            _telemetry.QueuedChanged(-1);
            return true;
        }
    }

    private void WorkerLoop()
    {
        while (true)
        {
            WorkItem item;
            lock (_gate)
            {
                while (true)
                {
                    if (_queue.TryDequeue(out var next))
                    {
                        if (next.State != WorkState.Queued) continue;
                        next.State = WorkState.Running;
                        _queued--;
                        _running++;
                        _telemetry.QueuedChanged(-1);
                        _telemetry.ActiveChanged(1);
                        item = next;
                        break;
                    }

                    if (_disposed) return;
                    Monitor.Wait(_gate);
                }
            }

            item.Run(_releaseSlot);
        }
    }

    /// <summary>Frees a run's slot; called before its caller is woken, so counts never lag behind results.</summary>
    private void ReleaseSlot()
    {
        lock (_gate)
        {
            _running--;
            _telemetry.ActiveChanged(-1);
        }
    }

    /// <summary>Stops the workers once idle and fails runs still waiting.</summary>
    public void Dispose()
    {
        List<WorkItem> orphaned = [];
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            while (_queue.TryDequeue(out var item))
            {
                if (item.State != WorkState.Queued) continue;
                item.State = WorkState.Abandoned;
                _queued--;
                _telemetry.QueuedChanged(-1);
                orphaned.Add(item);
            }
            Monitor.PulseAll(_gate);
        }

        foreach (var item in orphaned) item.Orphan();
    }

    private enum WorkState
    {
        Queued,
        Running,
        Abandoned,
    }

    private abstract class WorkItem
    {
        /// <summary>Guarded by the scheduler's lock.</summary>
        public WorkState State { get; set; }

        /// <summary>Runs the work, calls <paramref name="finished"/>, then publishes the outcome.</summary>
        public abstract void Run(Action finished);

        public abstract void Orphan();
    }

    private sealed class WorkItem<T>(Func<CancellationToken, T> work, TimeSpan timeout, CancellationToken callerToken) : WorkItem
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public Task<T> Completion => _completion.Task;

        public override void Run(Action finished)
        {
            T result;
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
                deadline.CancelAfter(timeout);
                _started.TrySetResult();
                result = work(deadline.Token);
            }
            catch (Exception e)
            {
                finished();
                _completion.TrySetException(e);
                return;
            }

            finished();
            _completion.TrySetResult(result);
        }

        public override void Orphan()
        {
            var error = new ObjectDisposedException(nameof(ExecutionScheduler));
            _started.TrySetException(error);
            _completion.TrySetException(error);
        }
    }
}
