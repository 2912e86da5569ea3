using System.Diagnostics;
using Microsoft.Extensions.Options;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.Hosting;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// Runs JavaScript on V8 (through ClearScript) with the same surface as the Jint engine: the shared prelude, host
/// functions, event loop and outcome shapes. One isolate per sandbox instance (the sandbox process holds one), a
/// fresh context per execution; executions are serialized. Code is parsed once (by the shared parser, so code
/// form, import refusal and compile errors read exactly as on Jint) and cached by SHA-256.
/// </summary>
/// <remarks>
/// A script that allocates faster than the heap monitor samples can push V8 past its hard ceiling, which aborts the
/// process: that is the sandbox process, which the service replaces. Never run hostile code on this engine inside a
/// process that must survive.
/// </remarks>
public sealed class V8Sandbox : IScriptSandbox, IReleasesMemory, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Lazy<V8Isolate> _isolate;
    private readonly PreparedCodeCache<PreparedJavaScript> _cache = new(JintSandbox.CacheSourceBytes);

    /// <summary>Creates the sandbox with the service's JavaScript options and the host's memory accounting.</summary>
    public V8Sandbox(IOptions<ScriptRunnerOptions> options, MemoryAccounting? memory = null)
        : this(options.Value.JavaScript.AllowStringCompilation, memory: memory, defaultMemoryLimitBytes: options.Value.Limits.DefaultMemoryMb * 1024L * 1024L)
    {
    }

    /// <summary>
    /// Creates the sandbox; <paramref name="allowStringCompilation"/> lets <c>eval</c> and <c>Function</c> work, and the
    /// isolate is replaced after <paramref name="recycleAfter"/> executions.
    /// </summary>
    internal V8Sandbox(bool allowStringCompilation = false, int recycleAfter = V8Isolate.DefaultRecycleAfter, MemoryAccounting? memory = null,
        long defaultMemoryLimitBytes = V8Isolate.DefaultMemoryLimitBytes) =>
        // The isolate (and V8 itself) starts on first use, so a process that never runs V8 never loads it. It is made
        // for the service's default cap, the one most executions have.
        _isolate = new Lazy<V8Isolate>(() => new V8Isolate(allowStringCompilation, recycleAfter, memory ?? MemoryAccounting.Shared, defaultMemoryLimitBytes));

    /// <inheritdoc />
    public CodeType CodeType => CodeType.JavaScript;

    /// <inheritdoc />
    public string Engine => EngineNames.V8;

    /// <summary>How many isolates this sandbox has made (for tests of recycling).</summary>
    internal int IsolateGeneration => _isolate.IsValueCreated ? _isolate.Value.Generation : 0;

    /// <summary>Starts V8 and makes the first context now, so the first request does not pay for it.</summary>
    public void Warm() => _ = _isolate.Value;

    /// <inheritdoc />
    public SandboxOutcome Execute(SandboxInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var code = _cache.GetOrAdd(invocation.Job.Sha256, invocation.Job.Code.Length, () => PreparedJavaScript.Prepare(JavaScriptInput.Source(invocation.Job.Code.Span)), out var hit);
            var compileMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            SandboxOutcome outcome;
            lock (_gate)
            {
                var isolate = _isolate.Value;
                var engine = isolate.Lease(invocation.Job.MemoryLimitBytes);
                var execution = new V8Execution(invocation, code, JavaScriptInput.Source(invocation.Job.Code.Span), isolate);
                outcome = execution.Run(engine);
                isolate.Return(engine, execution.Poisoned);
            }

            return outcome with { CacheHit = hit ? CacheHit.Memory : CacheHit.Miss, CompileTimeMs = hit ? null : compileMs };
        }
        catch (Exception e)
        {
            return JavaScriptOutcomes.HostError(e, invocation.Job.MemoryLimitBytes);
        }
    }

    /// <inheritdoc />
    void IReleasesMemory.ReleaseMemory()
    {
        lock (_gate)
        {
            if (_isolate.IsValueCreated) _isolate.Value.ReleaseMemory();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_isolate.IsValueCreated) _isolate.Value.Dispose();
        }
    }
}
