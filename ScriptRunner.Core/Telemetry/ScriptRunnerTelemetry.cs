using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Telemetry;

/// <summary>The spans and metrics ScriptRunner emits, under the name <see cref="Name"/>.</summary>
/// <remarks>
/// Tags carry only shapes (code type, size, outcome, duration), never script source, URLs' query strings or
/// environment values: callers put secrets in those.
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
        _active = Meter.CreateUpDownCounter<long>("scriptrunner.executions.active", "{execution}", "Executions running on a worker, overrunning ones included.");
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

    internal void RecordDownload(double milliseconds) => _downloadDuration.Record(milliseconds);

    internal void RecordRejected() => _rejected.Add(1);

    internal void QueuedChanged(int delta) => _queued.Add(delta);

    internal void ActiveChanged(int delta) => _active.Add(delta);

    internal void RecordExecution(Activity? activity, ExecutionResult result)
    {
        var codeType = result.Metadata.CodeType ?? "unknown";
        var errorType = result.ErrorType ?? "none";

        var tags = new TagList
        {
            { "scriptrunner.code_type", codeType },
            { "scriptrunner.status", result.Status },
            { "scriptrunner.error_type", errorType },
        };
        _executions.Add(1, tags);
        _executionDuration.Record(result.Duration, tags);
        if (result.Metadata.SizeBytes is { } size) _codeSize.Record(size, new KeyValuePair<string, object?>("scriptrunner.code_type", codeType));

        if (activity is null) return;
        activity.SetTag("scriptrunner.code_type", codeType);
        activity.SetTag("scriptrunner.code_size", result.Metadata.SizeBytes);
        activity.SetTag("scriptrunner.status", result.Status);
        activity.SetTag("scriptrunner.error_type", result.ErrorType);
        activity.SetTag("scriptrunner.duration_ms", result.Duration);
        activity.SetTag("scriptrunner.execution_time_ms", result.Metadata.ExecutionTimeMs);
        if (result.Metadata.DownloadTimeMs is { } download) activity.SetTag("scriptrunner.download_time_ms", download);
        if (result.Success) activity.SetStatus(ActivityStatusCode.Ok);
        else activity.SetStatus(ActivityStatusCode.Error, result.ErrorType);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
