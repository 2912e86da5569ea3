using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Sandboxing;
using ScriptRunner.Core.Sandboxing.Protocol;

namespace ScriptRunner.Sandbox.Hosting;

/// <summary>
/// The sandbox process's side of the protocol (see <see cref="SandboxProtocol"/>): reads frames on one thread, runs
/// each execution on a dedicated large-stack thread, streams output back, cancels on request.
/// </summary>
internal sealed class SandboxServer : IDisposable
{
    /// <summary>Stack of the execution thread: engines recurse on it; their own recursion limits keep well inside.</summary>
    internal const int ExecutionStackBytes = 64 * 1024 * 1024;

    // Managed memory that survived the last collection, above the ready baseline, past which the process collects
    // while idle.
    private const long CollectAboveBytes = 16L * 1024 * 1024;

    // Resident memory above the settled floor (the ready baseline, or what the last full clean-up left) past which a
    // clean-up also collects the engines' own heaps and gives memory back to the system.
    private const long ReturnAboveBytes = 32L * 1024 * 1024;

    // Resident memory above the ready baseline past which a process that then sits idle gives back all it can.
    private const long TrimAboveBytes = 16L * 1024 * 1024;

    // How long a process must sit idle before that trim: long enough that a busy process never pays for it.
    private static readonly TimeSpan IdleTrimAfter = TimeSpan.FromSeconds(10);

    private readonly FrameWriter _writer;
    private readonly ScriptRunnerOptions _options;
    private readonly ServiceProvider _services;
    private readonly SandboxFetcherFactory _fetchers;
    private readonly JobRunner _runner;
    private readonly BlockingCollection<SandboxJob> _jobs = new(boundedCapacity: 1);
    private readonly Lock _gate = new();
    private readonly ResidentMemory _memory = ResidentMemory.OfSelf();
    private CancellationTokenSource? _running;
    private long _heapBaseline;
    private long _residentBaseline;
    private long _residentSettled;
    private bool _trimDue;

    private SandboxServer(FrameWriter writer, ScriptRunnerOptions options)
    {
        _writer = writer;
        _options = options;
        _services = new ServiceCollection()
            .AddSingleton(options)
            .AddSingleton(Options.Create(options))
            .AddSingleton(options.JavaScript)
            .AddSingleton(options.Wasm)
            .AddSingleton(options.Output)
            .AddSingleton(options.SandboxFetch)
            .AddSingleton(options.Limits)
            .AddSingleton(MemoryAccounting.PerProcess)
            .AddScriptRunnerEngines()
            .BuildServiceProvider();
        _fetchers = new SandboxFetcherFactory(options.SandboxFetch);
        _runner = new JobRunner(_services.GetServices<IScriptSandbox>(), _fetchers, options.Output);
    }

    /// <summary>Serves the parent on <paramref name="input"/>/<paramref name="output"/> until it closes the input; returns the exit code.</summary>
    public static int Serve(Stream input, Stream output)
    {
        var reader = new FrameReader(input);
        var writer = new FrameWriter(output);
        if (reader.Read() is not { Kind: FrameKind.Configure } configure)
        {
            Console.Error.WriteLine("The first frame must configure the sandbox.");
            return 3;
        }

        using var server = new SandboxServer(writer, configure.Json<ScriptRunnerOptions>());
        var worker = new Thread(server.WorkLoop, ExecutionStackBytes) { IsBackground = true, Name = "ScriptRunner execution" };
        worker.Start();
        writer.WriteJson(FrameKind.Ready, new ReadyMessage(Environment.ProcessId, server.WarmUp()));

        while (reader.Read() is { } frame)
        {
            switch (frame.Kind)
            {
                case FrameKind.Execute:
                    if (!server._jobs.TryAdd(frame.Job()))
                    {
                        Console.Error.WriteLine("An execution arrived while another was running.");
                        return 4;
                    }
                    break;
                case FrameKind.Cancel:
                    server.CancelRunning();
                    break;
                default:
                    Console.Error.WriteLine($"Unexpected frame {frame.Kind}.");
                    return 4;
            }
        }

        server._jobs.CompleteAdding();
        return 0;
    }

    public void Dispose()
    {
        _fetchers.Dispose();
        _services.Dispose();
        _memory.Dispose();
        _jobs.Dispose();
    }

    private void CancelRunning()
    {
        lock (_gate) _running?.Cancel();
    }

    private void WorkLoop()
    {
        while (!_jobs.IsCompleted)
        {
            if (!_jobs.TryTake(out var job, _trimDue ? IdleTrimAfter : Timeout.InfiniteTimeSpan))
            {
                if (_trimDue) TrimWhileIdle();
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var sink = new FrameOutputSink(_writer);
            var outcome = Run(job, sink);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var resident = Resident();
            _trimDue = resident - _residentBaseline >= TrimAboveBytes;
            if (!NeedsCleanUp(resident))
            {
                // The common case answers in one frame: the parent can hand this process out again at once.
                _writer.WriteOutcome(new OutcomeMessage(outcome, elapsedMs, resident));
                continue;
            }

            _writer.WriteOutcome(new OutcomeMessage(outcome, elapsedMs));
            _writer.WriteJson(FrameKind.Idle, new IdleMessage(CleanUp()));
        }
    }

    private SandboxOutcome Run(SandboxJob job, IOutputSink? sink)
    {
        // The job's deadline stops the run by itself; this token is the parent's Cancel, sent when the caller gives up.
        using var cancel = new CancellationTokenSource();
        lock (_gate) _running = cancel;
        try
        {
            return _runner.Run(job, OutputCapture.For(_options.Output, TimeProvider.System, sink), cancel.Token);
        }
        finally
        {
            lock (_gate) _running = null;
        }
    }

    /// <summary>
    /// A run whose garbage outlived the collections it ran through (the managed heap after the last collection is well
    /// above its ready size), or a process grown well past its floor (an engine's own heap, such as V8's, grows between
    /// that engine's collections), is cleaned up after it: the pool does not mistake garbage for a leak and replace the
    /// process. Young garbage is left to the runtime's own cheap collections, so trivial runs never pay for a full one.
    /// </summary>
    private bool NeedsCleanUp(long resident) =>
        GC.GetGCMemoryInfo().HeapSizeBytes - _heapBaseline >= CollectAboveBytes || resident - _residentSettled >= ReturnAboveBytes;

    /// <summary>
    /// Collects the garbage and returns the resident bytes after it. The memory stays committed for the next runs
    /// (giving it back only to fault it in again costs every run); only when much of it stays resident are the
    /// engines' own heaps collected and the memory returned to the system.
    /// </summary>
    private long CleanUp()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        var resident = Resident();
        return resident - _residentSettled < ReturnAboveBytes ? resident : ReleaseAll(native: false);
    }

    /// <summary>
    /// After a burst, once the process has sat idle: everything the engines and the runtime hold that nothing uses goes
    /// back to the system, so an idle service shrinks to about its starting size instead of keeping its peak.
    /// </summary>
    private void TrimWhileIdle()
    {
        _trimDue = false;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        ReleaseAll(native: true);
    }

    /// <summary>
    /// Collects the engines' own heaps and returns the managed heap's free space (and, <paramref name="native"/>, the C
    /// library's) to the system; returns the resident bytes after it, the process's new floor.
    /// </summary>
    private long ReleaseAll(bool native)
    {
        // Some handles into an engine's own heap (V8's past contexts) are let go only by their finalizers: those run
        // first, so the engine's collection can free what they held.
        GC.WaitForPendingFinalizers();
        foreach (var engine in _runner.Engines.OfType<IReleasesMemory>()) engine.ReleaseMemory();
        ManagedHeap.ReturnFreeMemory();
        if (native) NativeHeap.Trim();
        var resident = Resident();
        // What stays after a full clean-up is the new floor: the next one is due only when the process grows well past
        // it, not after every run. A floor that keeps rising is the pool's to judge (it replaces the process).
        _residentSettled = Math.Max(_residentBaseline, resident);
        return resident;
    }

    // Where /proc is missing, the runtime's own figure.
    private long Resident() => _memory.Read() ?? Environment.WorkingSet;

    /// <summary>
    /// Runs trivial jobs on every engine (JavaScript's script and handler paths) so the first real executions do not pay for loading and compiling them.
    /// The engines warm up side by side: the process is ready when the slowest is, not after the sum of them.
    /// Returns the resident bytes at rest afterwards, the baseline of later clean-ups.
    /// </summary>
    private long WarmUp()
    {
        var threads = _runner.Engines.Select(engine =>
        {
            var cap = _options.Limits.DefaultMemoryMb * 1024L * 1024L;
            IReadOnlyList<SandboxJob> jobs = engine.CodeType == CodeType.Wasm ? [WarmUpJobs.Wasm(engine.Engine, cap)] : WarmUpJobs.JavaScript(engine.Engine, cap);
            var thread = new Thread(() =>
            {
                foreach (var job in jobs) Run(job, sink: null);
            }, ExecutionStackBytes) { IsBackground = true, Name = $"ScriptRunner warm-up {engine.Engine}" };
            thread.Start();
            return thread;
        }).ToArray();
        foreach (var thread in threads) thread.Join(TimeSpan.FromSeconds(30));
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new OutcomeMessage(SandboxOutcome.Succeeded(null), 0), SandboxProtocol.Json);
        ManagedHeap.ReturnFreeMemory();
        _heapBaseline = GC.GetGCMemoryInfo().HeapSizeBytes;
        _residentBaseline = Resident();
        _residentSettled = _residentBaseline;
        return _residentBaseline;
    }
}
