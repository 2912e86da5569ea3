using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// One execution in a fresh V8 context: the heap limit and deadline armed, the host bridge and prelude installed,
/// the code run in its form, the shared event loop driven to the end, and the outcome shaped by the shared runtime.
/// Never throws; says whether a limit stopped the isolate so the caller replaces it.
/// </summary>
internal sealed class V8Execution(SandboxInvocation invocation, PreparedJavaScript code, string source, V8Isolate isolate)
{
    // Every script object the host holds is a handle that keeps its whole context alive in V8's heap until .NET
    // finalizes it, which a sandbox allocating little may not do for thousands of runs: each is released at the end.
    private readonly List<IDisposable> _held = [];

    private V8MemoryWatch? _watch;

    /// <summary>True when a limit (heap or deadline) stopped the script, leaving the isolate unfit for reuse.</summary>
    public bool Poisoned { get; private set; }

    /// <summary>Runs the code; every failure becomes an outcome.</summary>
    public SandboxOutcome Run(V8ScriptEngine engine)
    {
        try
        {
            return AllocationFailureIsTheCap(RunHolding(engine));
        }
        finally
        {
            foreach (var held in _held) held.Dispose();
            _held.Clear();
        }
    }

    private T Hold<T>(T value)
    {
        if (value is IDisposable disposable) _held.Add(disposable);
        return value;
    }

    private SandboxOutcome RunHolding(V8ScriptEngine engine)
    {
        if (code.CompileError is { } compileError) return compileError;
        var deadline = invocation.Deadline;
        ScriptObject? runtime = null;
        isolate.Runtime.MaxHeapSize = invocation.Job.MemoryLimitBytes > 0 ? (UIntPtr)(ulong)invocation.Job.MemoryLimitBytes : UIntPtr.Zero;
        using var interrupt = deadline.Token.Register(engine.Interrupt);
        using var watch = _watch = isolate.Resident is { } resident ? new V8MemoryWatch(resident, invocation.Job.MemoryLimitBytes, engine.Interrupt) : null;
        using var host = new JavaScriptHostFunctions(invocation.Host, deadline.Token, invocation.Job.MemoryLimitBytes) { OnMemoryLimit = engine.Interrupt };
        try
        {
            var setup = Hold((ScriptObject)engine.Evaluate(isolate.Setup));
            var prepared = Hold((ScriptObject)setup.Invoke(false, new V8HostBridge(host), JavaScriptInput.Json(invocation, code), code.Form == JavaScriptCodeForm.Script, isolate.Hide(engine)));
            runtime = Hold((ScriptObject)prepared["runtime"]);
            // Functions are called as methods of what holds them: ClearScript calls a function taken off an object
            // through its own script glue (Function.prototype.apply, Array.from), which the script may have replaced.
            var realm = Hold(new V8Realm(engine, runtime, prepared, Hold((ScriptObject)prepared["rejections"])));

            object completion;
            if (code.Form == JavaScriptCodeForm.Module)
            {
                engine.DocumentSettings = new DocumentSettings();
                engine.DocumentSettings.AddSystemDocument(JavaScriptOutcomes.SourceName, ModuleCategory.Standard, source);
                isolate.ForgetSourceName();
                Hold(engine.Evaluate(isolate.ModuleLoader));
                realm.RunMicrotasks();
                completion = Hold(prepared.InvokeMethod("takeModule"));
            }
            else
            {
                completion = Hold(engine.Evaluate(isolate.CompiledScript(invocation.Job.Sha256, source)));
                // V8 ran the script's microtasks as the call returned: a settled run's unhandled rejections are what is left.
                if (JavaScriptCompletion.IsTheAnswer(invocation, code, completion is Undefined) && V8Completion.TryAnswer(completion, out var result))
                {
                    realm.ReportUnhandledRejections();
                    deadline.Token.ThrowIfCancellationRequested();
                    return SandboxOutcome.Succeeded(result);
                }
            }

            runtime.InvokeMethod("start", code.Form == JavaScriptCodeForm.Module ? "module" : "script", completion);
            JavaScriptEventLoop.Run(realm, host, deadline.Token);
            return JavaScriptOutcomes.FromRuntime((string)runtime.InvokeMethod("outcome"));
        }
        catch (Exception e)
        {
            return Map(e, deadline, runtime, host);
        }
    }

    private SandboxOutcome Map(Exception e, ExecutionDeadline deadline, ScriptObject? runtime, JavaScriptHostFunctions host)
    {
        if (e is NeverSettlesException) return JavaScriptOutcomes.NeverSettled();
        if (_watch?.Exceeded == true || IsHeapLimit(e) || host.MemoryLimitExceeded)
        {
            Poisoned = true;
            return JavaScriptOutcomes.Memory(invocation.Job.MemoryLimitBytes);
        }

        if (deadline.Token.IsCancellationRequested || e is OperationCanceledException)
        {
            Poisoned = e is ScriptInterruptedException;
            return deadline.Stopped();
        }

        if (e is ScriptEngineException script)
        {
            if (script.IsFatal) Poisoned = true;
            return Describe(script, runtime);
        }

        return JavaScriptOutcomes.HostError(e, invocation.Job.MemoryLimitBytes);
    }

    // The isolate's array-buffer allocator is bounded by the cap: an allocation it refuses is V8's RangeError, which
    // a script may catch; left uncaught, the run held more than its cap, and answers as Jint does for the same script.
    private SandboxOutcome AllocationFailureIsTheCap(SandboxOutcome outcome) =>
        outcome.ErrorType == ErrorTypes.RuntimeError && outcome.Error?.StartsWith("RangeError: Array buffer allocation failed", StringComparison.Ordinal) == true
            ? JavaScriptOutcomes.Memory(invocation.Job.MemoryLimitBytes)
            : outcome;

    private bool IsHeapLimit(Exception e) =>
        e is ScriptEngineException && invocation.Job.MemoryLimitBytes > 0
        && (e.Message.Contains("memory limit", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("heap", StringComparison.OrdinalIgnoreCase));

    // The runtime shapes script errors the same way for every engine; if it cannot, the exception's own text is the answer.
    private SandboxOutcome Describe(ScriptEngineException e, ScriptObject? runtime)
    {
        if (runtime is not null && Hold(e.ScriptExceptionAsObject) is { } thrown && thrown is not Undefined)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse((string)runtime.InvokeMethod("describe", thrown));
                var root = document.RootElement;
                return JavaScriptOutcomes.Runtime(root.GetProperty("message").GetString()!, root.GetProperty("stack").GetString());
            }
            catch (Exception)
            {
                // Fall through to the exception's own text.
            }
        }

        return JavaScriptOutcomes.Runtime(e.Message, e.ErrorDetails);
    }
}
