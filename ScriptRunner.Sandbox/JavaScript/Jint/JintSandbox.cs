using Microsoft.Extensions.Options;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.Hosting;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// Runs JavaScript (ES2023: modules, CommonJS, classic scripts) on Jint 4, a fresh engine per execution, with the
/// engine-neutral prelude's globals. Parsed code is cached per sandbox instance by the code's SHA-256.
/// </summary>
/// <remarks>
/// A run needs a deep stack: it runs right on the calling thread when that has 48 MB left (the sandbox process's
/// 64 MB execution thread), else on a 64 MB thread of its own that the caller waits for.
/// </remarks>
public sealed class JintSandbox : IScriptSandbox
{
    private const int ThreadStackBytes = 64 * 1024 * 1024;
    private const long RequiredStackBytes = 48L * 1024 * 1024;

    /// <summary>Source bytes the prepared-code cache may hold.</summary>
    public const long CacheSourceBytes = 32L * 1024 * 1024;

    private readonly bool _allowStringCompilation;
    private readonly MemoryAccounting _memory;
    private readonly PreparedCodeCache<PreparedJavaScript> _cache = new(CacheSourceBytes);

    /// <summary>Creates the sandbox with default options (string compilation refused), sharing its process.</summary>
    public JintSandbox() : this(allowStringCompilation: false)
    {
    }

    /// <summary>Creates the sandbox with the service's JavaScript options and the host's memory accounting.</summary>
    public JintSandbox(IOptions<ScriptRunnerOptions> options, MemoryAccounting? memory = null)
        : this(options.Value.JavaScript.AllowStringCompilation, memory)
    {
    }

    internal JintSandbox(bool allowStringCompilation, MemoryAccounting? memory = null)
    {
        _allowStringCompilation = allowStringCompilation;
        _memory = memory ?? MemoryAccounting.Shared;
    }

    /// <inheritdoc />
    public CodeType CodeType => CodeType.JavaScript;

    /// <inheritdoc />
    public string Engine => EngineNames.Jint;

    /// <summary>The prepared-code cache (for tests and metrics).</summary>
    internal PreparedCodeCache<PreparedJavaScript> Cache => _cache;

    /// <inheritdoc />
    public SandboxOutcome Execute(SandboxInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (ThreadStack.Remaining() >= RequiredStackBytes) return ExecuteHere(invocation);

        SandboxOutcome? outcome = null;
        var thread = new Thread(() => outcome = ExecuteHere(invocation), ThreadStackBytes)
        {
            IsBackground = true,
            Name = "ScriptRunner JavaScript",
        };
        thread.Start();
        thread.Join();
        return outcome!;
    }

    private SandboxOutcome ExecuteHere(SandboxInvocation invocation)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var code = _cache.GetOrAdd(invocation.Job.Sha256, invocation.Job.Code.Length, () => PreparedJavaScript.Prepare(JavaScriptInput.Source(invocation.Job.Code.Span)), out var hit);
            var compileMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var outcome = new JintExecution(invocation, code, JintPrelude.Instance, _allowStringCompilation, _memory).Run();
            // The same vocabulary as the WebAssembly engines: "memory" for this process's prepared-code cache, else false.
            return outcome with { CacheHit = hit ? CacheHit.Memory : CacheHit.Miss, CompileTimeMs = hit ? null : compileMs };
        }
        catch (Exception e)
        {
            return JavaScriptOutcomes.HostError(e, invocation.Job.MemoryLimitBytes);
        }
    }
}
