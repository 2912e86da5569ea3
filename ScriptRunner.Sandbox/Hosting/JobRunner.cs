using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Sandbox.Hosting;

/// <summary>
/// Runs one job on its engine, on the calling thread: starts the run's deadline, binds the host, turns an engine's own
/// failure into an answer, and caps the result. The sandbox process runs every job through it.
/// </summary>
internal sealed class JobRunner(IEnumerable<IScriptSandbox> engines, SandboxFetcherFactory fetchers, OutputOptions output)
{
    // The last registration of an engine wins, as with any service.
    private readonly IReadOnlyDictionary<string, IScriptSandbox> _engines = engines
        .GroupBy(e => e.Engine, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>The engines it runs jobs on, one per name.</summary>
    public IEnumerable<IScriptSandbox> Engines => _engines.Values;

    /// <summary>Runs <paramref name="job"/> until its deadline or <paramref name="cancellation"/>, its output into <paramref name="capture"/>.</summary>
    public SandboxOutcome Run(SandboxJob job, OutputCapture capture, CancellationToken cancellation = default)
    {
        if (!_engines.TryGetValue(job.Engine, out var engine))
            return SandboxOutcome.Failed(ErrorTypes.UnsupportedCodeType, $"The {job.Engine} engine is not available.");

        using var deadline = ExecutionDeadline.Start(job, cancellation);
        try
        {
            var host = new HostBindings(capture, fetchers.Create(deadline.Token), TimeProvider.System);
            return OutcomeSanitizer.Clean(engine.Execute(new SandboxInvocation(job, host, deadline)), output.MaxStdoutBytes);
        }
        catch (Exception e)
        {
            // The details go to stderr, which the parent keeps for its log; the answer names the failure in plain words.
            Console.Error.WriteLine($"{job.Engine} engine failure: {e}");
            return SandboxOutcome.Failed(ErrorTypes.HostError, $"The {job.Engine} engine failed while running the code.");
        }
    }
}
