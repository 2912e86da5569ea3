using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Telemetry;

/// <summary>The spans and metrics ScriptRunner emits, under the name <see cref="Name"/>.</summary>
/// <remarks>
/// <para>
/// Tags carry only shapes (code type, engine, size, outcome, duration), never script source, URLs' query strings or
/// environment values: callers put secrets in those.
/// </para>
/// <para>
/// One <c>ScriptRunner.Execute</c> span per execution, with children <c>ScriptRunner.Download</c>,
/// <c>ScriptRunner.Compile</c> and <c>ScriptRunner.Run</c>. The children are recorded when their step reports its
/// measured duration, back-dated to when the step began, so the steps need no span plumbing of their own.
/// </para>
/// </remarks>
public sealed class ScriptRunnerTelemetry : IDisposable
{
    /// <summary>The name of both the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "ScriptRunner";

    private readonly Counter<long> _executions;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _executionDuration;
    private readonly Histogram<double> _downloadDuration;
    private readonly Histogram<long> _codeSize;
    private readonly UpDownCounter<long> _queued;
    private readonly UpDownCounter<long> _active;
    private readonly Histogram<double> _runDuration;
    private readonly Histogram<double> _compileDuration;
    private readonly Counter<long> _cacheLookups;
    private Func<SandboxPoolCounts>? _pool;

    /// <summary>Creates the source and meter; dispose to unregister them.</summary>
    public ScriptRunnerTelemetry()
    {
        var version = typeof(ScriptRunnerTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        ActivitySource = new ActivitySource(Name, version);
        Meter = new Meter(Name, version);

        _executions = Meter.CreateCounter<long>("scriptrunner.executions", "{execution}", "Executions finished, by code type and outcome.");
        _rejected = Meter.CreateCounter<long>("scriptrunner.executions.rejected", "{execution}", "Executions refused because every slot and queue place was taken.");
        _executionDuration = Meter.CreateHistogram<double>("scriptrunner.execution.duration", "ms", "Whole-request duration of an execution, download included.");
        _downloadDuration = Meter.CreateHistogram<double>("scriptrunner.download.duration", "ms", "Time spent downloading code from a URL.");
        _codeSize = Meter.CreateHistogram<long>("scriptrunner.code.size", "By", "Size of the code run.");
        _queued = Meter.CreateUpDownCounter<long>("scriptrunner.executions.queued", "{execution}", "Executions waiting for a worker.");
        _active = Meter.CreateUpDownCounter<long>("scriptrunner.executions.active", "{execution}", "Executions running in a sandbox process.");
        _runDuration = Meter.CreateHistogram<double>("scriptrunner.run.duration", "ms", "Time inside the sandbox, compile included, by engine and outcome.");
        _compileDuration = Meter.CreateHistogram<double>("scriptrunner.compile.duration", "ms", "Time compiling code, by engine and whether the compiled code came from the cache.");
        _cacheLookups = Meter.CreateCounter<long>("scriptrunner.cache.lookups", "{lookup}", "Compiled-code cache lookups, by engine and hit or miss.");
        Meter.CreateObservableGauge("scriptrunner.pool.sandboxes", ObservePoolState, "{process}", "Sandbox processes by state: ready, busy, starting.");
    }

    /// <summary>One span per execution, named <c>ScriptRunner.Execute</c>.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>Counters, histograms and gauges of executions.</summary>
    public Meter Meter { get; }

    internal Activity? StartExecution(string source)
    {
        var activity = ActivitySource.StartActivity("ScriptRunner.Execute", ActivityKind.Internal);
        activity?.SetTag("scriptrunner.source", source);
        return activity;
    }

    /// <summary>Lets the sandbox pool report its state through the <c>scriptrunner.pool.sandboxes</c> gauge.</summary>
    /// <param name="read">Called at each collection; must be cheap and thread-safe.</param>
    public void ObservePool(Func<SandboxPoolCounts> read) => Volatile.Write(ref _pool, read);

    internal void RecordDownload(double milliseconds)
    {
        _downloadDuration.Record(milliseconds);
        using var span = StartBackdated("ScriptRunner.Download", ActivityKind.Client, milliseconds);
    }

    internal void RecordRejected() => _rejected.Add(1);

    internal void QueuedChanged(int delta) => _queued.Add(delta);

    internal void ActiveChanged(int delta) => _active.Add(delta);

    internal void RecordExecution(Activity? activity, ExecutionResult result)
    {
        var codeType = result.Metadata.CodeType ?? "unknown";
        var errorType = result.ErrorType ?? "none";

        var engine = result.Metadata.Engine ?? "none";
        var tags = new TagList
        {
            { "scriptrunner.code_type", codeType },
            { "scriptrunner.engine", engine },
            { "scriptrunner.status", result.Status },
            { "scriptrunner.error_type", errorType },
        };
        _executions.Add(1, tags);
        _executionDuration.Record(result.Duration, tags);
        if (result.Metadata.SizeBytes is { } size) _codeSize.Record(size, new KeyValuePair<string, object?>("scriptrunner.code_type", codeType));
        var ran = result.Metadata.Engine is not null && result.Metadata.ExecutionTimeMs > 0;
        if (ran) _runDuration.Record(result.Metadata.ExecutionTimeMs, tags);
        RecordCompile(result.Metadata, engine);
        if (ran && activity is not null) RecordSandboxSpans(result.Metadata, engine);

        if (activity is null) return;
        activity.SetTag("scriptrunner.code_type", codeType);
        activity.SetTag("scriptrunner.engine", result.Metadata.Engine);
        activity.SetTag("scriptrunner.code_size", result.Metadata.SizeBytes);
        activity.SetTag("scriptrunner.status", result.Status);
        activity.SetTag("scriptrunner.error_type", result.ErrorType);
        activity.SetTag("scriptrunner.duration_ms", result.Duration);
        activity.SetTag("scriptrunner.execution_time_ms", result.Metadata.ExecutionTimeMs);
        if (result.Metadata.DownloadTimeMs is { } download) activity.SetTag("scriptrunner.download_time_ms", download);
        if (result.Success) activity.SetStatus(ActivityStatusCode.Ok);
        else activity.SetStatus(ActivityStatusCode.Error, result.ErrorType);
    }

    private void RecordCompile(ExecutionMetadata metadata, string engine)
    {
        var hit = new KeyValuePair<string, object?>("scriptrunner.cache_hit", CacheTag(metadata));
        var byEngine = new KeyValuePair<string, object?>("scriptrunner.engine", engine);
        if (metadata.CompileTimeMs is { } compile) _compileDuration.Record(compile, byEngine, hit);
        if (metadata.CacheHit is not null) _cacheLookups.Add(1, byEngine, hit);
    }

    /// <summary>Where compiled code came from, as a tag: <c>memory</c>, <c>disk</c> or <c>miss</c>; null when the engine has no cache.</summary>
    private static string? CacheTag(ExecutionMetadata metadata) => metadata.CacheHit switch
    {
        null => null,
        CacheHit.Memory => "memory",
        CacheHit.Disk => "disk",
        _ => "miss",
    };

    /// <summary>The compile and run steps of the sandbox, laid end to end and ending now.</summary>
    private void RecordSandboxSpans(ExecutionMetadata metadata, string engine)
    {
        var compileMs = Math.Min(metadata.CompileTimeMs ?? 0, metadata.ExecutionTimeMs);
        if (compileMs > 0)
        {
            using var compile = StartBackdated("ScriptRunner.Compile", ActivityKind.Internal, metadata.ExecutionTimeMs, metadata.ExecutionTimeMs - compileMs);
            compile?.SetTag("scriptrunner.engine", engine);
            compile?.SetTag("scriptrunner.cache_hit", CacheTag(metadata));
        }
        using var run = StartBackdated("ScriptRunner.Run", ActivityKind.Internal, metadata.ExecutionTimeMs - compileMs);
        run?.SetTag("scriptrunner.engine", engine);
    }

    /// <summary>
    /// A child of the current span that began <paramref name="startedMsAgo"/> ago and lasted until
    /// <paramref name="endedMsAgo"/> ago; disposing it records it.
    /// </summary>
    private Activity? StartBackdated(string name, ActivityKind kind, double startedMsAgo, double endedMsAgo = 0)
    {
        if (!ActivitySource.HasListeners()) return null;
        var now = DateTimeOffset.UtcNow;
        var activity = ActivitySource.StartActivity(name, kind, Activity.Current?.Context ?? default, startTime: now.AddMilliseconds(-startedMsAgo));
        activity?.SetEndTime(now.AddMilliseconds(-endedMsAgo).UtcDateTime);
        return activity;
    }

    private IEnumerable<Measurement<int>> ObservePoolState()
    {
        if (Volatile.Read(ref _pool) is not { } read) return [];
        var counts = read();
        return
        [
            new(counts.Ready, new KeyValuePair<string, object?>("scriptrunner.pool.state", "ready")),
            new(counts.Busy, new KeyValuePair<string, object?>("scriptrunner.pool.state", "busy")),
            new(counts.Starting, new KeyValuePair<string, object?>("scriptrunner.pool.state", "starting")),
        ];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
