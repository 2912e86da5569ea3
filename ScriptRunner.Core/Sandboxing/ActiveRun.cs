using System.Diagnostics;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>One execution in flight in a sandbox process: where its output goes, its memory wall, and its answer once known.</summary>
internal sealed class ActiveRun(OutputCapture output, long limitBytes, SandboxJob job)
{
    private readonly TaskCompletionSource<SandboxRun> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _peak;

    public OutputCapture Output { get; } = output;
    public long LimitBytes { get; } = limitBytes;
    public SandboxJob Job { get; } = job;
    public long PeakBytes => Volatile.Read(ref _peak);
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);
    public Task<SandboxRun> Completion => _completion.Task;

    public void Observe(long bytes)
    {
        if (bytes > Volatile.Read(ref _peak)) Volatile.Write(ref _peak, bytes);
    }

    public void Complete(SandboxRun result) => _completion.TrySetResult(result);
}
