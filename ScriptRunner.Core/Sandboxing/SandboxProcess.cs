using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Sandboxing.Protocol;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>
/// The parent's handle on one sandbox process: the channel (frames in and out), the kill, and the memory watch. It
/// hands the process one execution at a time, relays what it streams, and kills it when a run is not over by its
/// deadline plus the grace, or passes its memory cap. Whatever happens inside, <see cref="RunAsync"/> answers. Where the
/// process stands in the pool is the pool's business.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    private readonly Process _process;
    private readonly FrameWriter _writer;
    private readonly FrameReader _reader;
    private readonly StderrTail _stderr;
    private readonly ResidentMemory _memory;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<ReadyMessage> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private ActiveRun? _active;
    private TaskCompletionSource<bool>? _idle;
    private int _stopReason;
    // Set as soon as the child's output ends, before its last run is answered, so a dead process is never handed out.
    private volatile bool _streamEnded;
    // Set, under the gate, once the reader has taken its last look at the active run: later runs are answered at once.
    private bool _acceptsNoRuns;

    private SandboxProcess(Process process, ILogger logger)
    {
        _process = process;
        _logger = logger;
        _writer = new FrameWriter(process.StandardInput.BaseStream);
        _reader = new FrameReader(process.StandardOutput.BaseStream);
        _stderr = new StderrTail(process.StandardError, $"ScriptRunner sandbox {process.Id} stderr");
        ProcessId = process.Id;
        _memory = ResidentMemory.Of(process.Id);
        // Pipe reads block a thread on Unix: a dedicated thread per process keeps them off the thread pool, whose
        // starvation would otherwise add milliseconds to every answer.
        new Thread(ReadLoop) { IsBackground = true, Name = $"ScriptRunner sandbox {ProcessId} reader" }.Start();
    }

    /// <summary>The operating system's id of the process.</summary>
    public int ProcessId { get; }

    /// <summary>Resident bytes when the process first became ready.</summary>
    public long BaselineBytes { get; private set; }

    /// <summary>Resident bytes the last time it was idle.</summary>
    public long IdleBytes { get; private set; }

    /// <summary>Executions handed to this process so far.</summary>
    public int Executions { get; private set; }

    /// <summary>True until the process ends or is stopped.</summary>
    public bool IsAlive => !_streamEnded && !_ended.Task.IsCompleted && Volatile.Read(ref _stopReason) == (int)StopReason.None;

    /// <inheritdoc />
    public override string ToString() => $"pid {ProcessId}";

    /// <summary>Completes when the process has ended and its last run was answered.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Starts a sandbox process, configures it and waits until it is warm.</summary>
    /// <exception cref="SandboxStartException">It could not be started or did not become ready in time.</exception>
    public static async Task<SandboxProcess> StartAsync(SandboxLauncher launcher, byte[] configuration, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.Start(launcher.StartInfo()) ?? throw new SandboxStartException("The sandbox process did not start.");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            throw new SandboxStartException($"The sandbox process could not be started: {e.Message}");
        }

        var sandbox = new SandboxProcess(process, logger);
        try
        {
            sandbox._writer.Write(FrameKind.Configure, configuration);
            var ready = await sandbox._ready.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            sandbox.BaselineBytes = sandbox.IdleBytes = ready.ResidentBytes;
            return sandbox;
        }
        catch (Exception e)
        {
            sandbox.Stop(StopReason.Retired);
            sandbox.Dispose();
            if (e is OperationCanceledException) throw;
            throw e as SandboxStartException ?? new SandboxStartException(e is TimeoutException
                ? $"The sandbox process did not become ready within {timeout.TotalMilliseconds:0} ms."
                : "The sandbox process failed while starting.");
        }
    }

    /// <summary>
    /// Runs <paramref name="job"/>: its output goes to <paramref name="output"/> as it is produced. The process stops
    /// the run at the job's deadline by itself; if it has not answered <paramref name="grace"/> later it is killed and
    /// the answer is <c>Timeout</c>. A caller that gives up has the run cancelled, and killed after the same grace. A
    /// process that dies mid-run answers <c>RuntimeError</c> or <c>MemoryLimit</c>.
    /// </summary>
    public async Task<SandboxRun> RunAsync(SandboxJob job, OutputCapture output, TimeSpan grace, CancellationToken cancellationToken)
    {
        var deadline = job.Deadline ?? throw new ArgumentException("The job has no deadline.", nameof(job));
        var run = new ActiveRun(output, IdleBytes + WallAboveIdle(job.MemoryLimitBytes), job);
        lock (_gate)
        {
            if (_acceptsNoRuns)
                return new SandboxRun(SandboxOutcome.Failed(ErrorTypes.RuntimeError, "The sandbox process ended unexpectedly."), TimeSpan.Zero);
            if (_active is not null) throw new InvalidOperationException("A sandbox process runs one execution at a time.");
            _active = run;
            _idle = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        Executions++;

        try
        {
            _writer.WriteExecute(job);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process is gone: the read loop answers the run from how it ended.
        }

        var wall = deadline + grace - DateTimeOffset.UtcNow;
        try
        {
            return await run.Completion.WaitAsync(wall > TimeSpan.Zero ? wall : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The run outlived its deadline and the grace: the process is the wall. Kill first, answer second, so
            // nothing runs on.
            Kill(run, StopReason.Timeout);
            return await run.Completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            TrySend(FrameKind.Cancel);
            try
            {
                await run.Completion.WaitAsync(grace, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Kill(run, StopReason.Timeout);
            }
            throw;
        }
    }

    private void Kill(ActiveRun run, StopReason reason)
    {
        Stop(reason);
        Complete(run, reason == StopReason.Memory ? ProcessEnd.MemoryLimit(run.Job) : ExecutionDeadline.TimedOut(run.Job.Timeout), run.Elapsed);
    }

    /// <summary>Waits until the process has cleaned up after its run; false when it ended or did not answer in time.</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout)
    {
        Task<bool>? idle;
        lock (_gate) idle = _idle?.Task;
        if (idle is null) return IsAlive;
        try
        {
            return await idle.WaitAsync(timeout).ConfigureAwait(false) && IsAlive;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// How far above its idle size a process may grow during a run before it is killed. The engines enforce the cap
    /// itself (Jint on what the run holds, V8 on its heap, the WebAssembly engines on linear memory) and answer first;
    /// the wall sits above it with room for what an engine needs beyond the data it counts (code, collector
    /// bookkeeping, young garbage not yet collected), so a run just under its cap is never killed for that overhead.
    /// </summary>
    public static long WallAboveIdle(long memoryLimitBytes) => memoryLimitBytes + memoryLimitBytes / 2 + WallSlackBytes;

    private const long WallSlackBytes = 32L * 1024 * 1024;

    /// <summary>Samples resident memory and kills the process when its run has passed its cap. Called by the memory watch.</summary>
    public void EnforceMemoryCap()
    {
        var run = Volatile.Read(ref _active);
        if (run is null) return;
        var resident = _memory.Read();
        if (resident is not { } bytes) return;
        run.Observe(bytes);
        if (bytes <= run.LimitBytes) return;

        Kill(run, StopReason.Memory);
    }

    /// <summary>Ends the process: kills it now, remembering why.</summary>
    public void Stop(StopReason reason)
    {
        Interlocked.CompareExchange(ref _stopReason, (int)reason, (int)StopReason.None);
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    /// <summary>Lets an idle process exit by itself (end of its stdin), killing it if it does not within <paramref name="wait"/>.</summary>
    public async Task RetireAsync(TimeSpan wait)
    {
        Interlocked.CompareExchange(ref _stopReason, (int)StopReason.Retired, (int)StopReason.None);
        try
        {
            _process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        if (!await WaitForExitAsync(wait).ConfigureAwait(false)) Stop(StopReason.Retired);
    }

    public void Dispose()
    {
        Stop(StopReason.Retired);
        _memory.Dispose();
        _process.Dispose();
    }

    /// <summary>The exit code once the process has ended; null while it runs or once its handle is released.</summary>
    private int? ExitCode()
    {
        try
        {
            return _process.HasExited ? _process.ExitCode : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private bool WaitForExit(TimeSpan wait)
    {
        try
        {
            return _process.WaitForExit(wait);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // The handle was released (the pool disposed this process): it is gone as far as anyone can tell.
            return true;
        }
    }

    private async Task<bool> WaitForExitAsync(TimeSpan wait)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(wait).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    private void TrySend(FrameKind kind)
    {
        try
        {
            _writer.Write(kind, []);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>The reader thread: nothing may escape it, or the service itself would end.</summary>
    private void ReadLoop()
    {
        try
        {
            ReadUntilEnd();
        }
        catch (Exception e)
        {
            _logger.LogError("Reading sandbox process {ProcessId} failed: {ExceptionType} {StackTrace}", ProcessId, e.GetType().FullName, e.StackTrace);
            Stop(StopReason.Retired);
            ActiveRun? run;
            lock (_gate) run = _active;
            if (run is not null) Complete(run, SandboxOutcome.Failed(ErrorTypes.RuntimeError, "The sandbox process ended unexpectedly."), run.Elapsed);
        }
        finally
        {
            _ready.TrySetException(new SandboxStartException("The sandbox process ended while starting."));
            _ended.TrySetResult();
        }
    }

    private void ReadUntilEnd()
    {
        try
        {
            while (_reader.Read() is { } frame) Dispatch(frame);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or ObjectDisposedException or NotSupportedException)
        {
            // A child that breaks the protocol is not trusted with another frame.
            _logger.LogWarning("Sandbox process {ProcessId} broke the protocol: {Reason}", ProcessId, e.GetType().Name);
            Stop(StopReason.Retired);
        }

        _streamEnded = true;
        if (!WaitForExit(TimeSpan.FromSeconds(2))) Stop(StopReason.Retired);
        var stderr = _stderr.FinalText(TimeSpan.FromMilliseconds(500));
        var exitCode = ExitCode();
        _ready.TrySetException(new SandboxStartException(ProcessEnd.StartFailure(exitCode, stderr)));

        ActiveRun? run;
        TaskCompletionSource<bool>? idle;
        lock (_gate)
        {
            run = _active;
            idle = _idle;
            _idle = null;
            _acceptsNoRuns = true;
        }
        idle?.TrySetResult(false);

        if (run is not null)
        {
            var reason = (StopReason)Volatile.Read(ref _stopReason);
            var outcome = reason switch
            {
                StopReason.Memory => ProcessEnd.MemoryLimit(run.Job),
                StopReason.Timeout => ExecutionDeadline.TimedOut(run.Job.Timeout),
                _ => ProcessEnd.Crashed(exitCode, stderr, run),
            };
            if (reason is StopReason.None or StopReason.Retired)
            {
                _logger.LogWarning("Sandbox process {ProcessId} ended mid-run with exit code {ExitCode}: {ErrorType}",
                    ProcessId, exitCode, outcome.ErrorType);
            }
            Complete(run, outcome, run.Elapsed);
        }
        _ended.TrySetResult();
    }

    private void Dispatch(Frame frame)
    {
        switch (frame.Kind)
        {
            case FrameKind.Ready:
                _ready.TrySetResult(frame.Json<ReadyMessage>());
                break;
            case FrameKind.Stdout:
                Volatile.Read(ref _active)?.Output.WriteStdout(frame.Text);
                break;
            case FrameKind.Stderr:
                Volatile.Read(ref _active)?.Output.WriteStderr(frame.Text);
                break;
            case FrameKind.Log:
                Volatile.Read(ref _active)?.Output.Log(frame.Json<LogEntry>());
                break;
            case FrameKind.Truncated:
                if (frame.Payload.Length == 1) Volatile.Read(ref _active)?.Output.MarkTruncated((OutputStream)frame.Payload[0]);
                break;
            case FrameKind.Outcome:
                var message = frame.Outcome();
                // Idle first: the process is back in the pool before its caller resumes, so a next request finds it.
                if (message.IdleResidentBytes is { } resident) BecameIdle(resident);
                if (Volatile.Read(ref _active) is { } run) Complete(run, message.Outcome, TimeSpan.FromMilliseconds(message.ElapsedMs));
                break;
            case FrameKind.Idle:
                BecameIdle(frame.Json<IdleMessage>().ResidentBytes);
                break;
            default:
                throw new InvalidDataException($"Unexpected frame {frame.Kind} from a sandbox process.");
        }
    }

    private void BecameIdle(long residentBytes)
    {
        IdleBytes = residentBytes;
        TaskCompletionSource<bool>? idle;
        lock (_gate)
        {
            idle = _idle;
            _idle = null;
        }
        idle?.TrySetResult(true);
    }

    private void Complete(ActiveRun run, SandboxOutcome outcome, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_active, run)) return;
            _active = null;
        }
        run.Complete(new SandboxRun(outcome, elapsed));
    }
}
