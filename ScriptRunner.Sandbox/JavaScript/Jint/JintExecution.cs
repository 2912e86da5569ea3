using System.Globalization;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using ScriptRunner.Core.Execution;
using ScriptRunner.Sandbox.Hosting;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// One execution on a fresh Jint engine: limits from the invocation, the prelude's globals installed lazily, the
/// prepared code run in its form, the event loop driven to the end, and the outcome shaped as JSON. Never throws.
/// </summary>
/// <remarks>
/// The prelude's runtime is made only when the run needs it (<see cref="JintRuntime"/>): a classic script without a
/// handler that ends with a primitive and reads no prelude global costs a fresh engine and its code, nothing more.
/// </remarks>
internal sealed class JintExecution(SandboxInvocation invocation, PreparedJavaScript code, JintPrelude prelude, bool allowStringCompilation, MemoryAccounting memory)
{
    /// <summary>Deepest JavaScript call stack; the sandbox runs on a 64 MB thread, which this fits with room to spare.</summary>
    public const int MaxCallDepth = 2500;

    /// <summary>Runs the code; every failure becomes an outcome.</summary>
    public SandboxOutcome Run()
    {
        if (code.CompileError is { } compileError) return compileError;
        var deadline = invocation.Deadline;
        Engine? engine = null;
        JintRuntime? runtime = null;
        try
        {
            using var host = new JavaScriptHostFunctions(invocation.Host, deadline.Token, invocation.Job.MemoryLimitBytes);
            engine = CreateEngine(deadline);
            runtime = JintRuntime.Install(engine, prelude, host, invocation, code, allGlobals: allowStringCompilation);
            var realm = new JintRealm(engine, runtime);
            // Jint's Intl takes its en-US data from .NET's culture data; code that names Intl or a locale method gets
            // them corrected by the runtime before it runs (see IntlPatch.js).
            if (code.Locale != PreparedJavaScript.LocaleUses.None) _ = runtime.Object;

            JsValue completion;
            if (code.Form == JavaScriptCodeForm.Module)
            {
                engine.Modules.Add(JavaScriptOutcomes.SourceName, builder => builder.AddModule(code.Module!.Value));
                completion = engine.Modules.Import(JavaScriptOutcomes.SourceName);
                if (JintHandlerCall.Find(completion.AsObject(), invocation.Job.Handler) is { } handler)
                {
                    var request = engine.Invoke(runtime.JsonParse, JavaScriptInput.RequestJson(invocation));
                    var answer = JintHandlerCall.Call(engine, runtime, realm, handler, request, out var answered);
                    return answered ? Answered(answer, deadline) : RuntimeOutcome(runtime, realm, host, deadline);
                }
            }
            else
            {
                completion = engine.Evaluate(code.Script!.Value);
                if (JavaScriptCompletion.IsTheAnswer(invocation, code, completion.IsUndefined()))
                {
                    // A primitive, or plain data no export can be, is the answer as it stands once the event loop would
                    // have settled: after the microtasks and the unhandled rejections.
                    var primitive = JintCompletion.TryAnswer(completion, out var result);
                    if (primitive || (!runtime.ModuleTouched && JintData.IsPlain(engine, completion)))
                    {
                        realm.RunMicrotasks();
                        realm.ReportUnhandledRejections();
                        if (primitive || JintData.TryWrite(engine, completion, out result)) return Answered(result, deadline);
                        runtime.Call("answer", completion);
                        return RuntimeOutcome(runtime, realm, host, deadline);
                    }
                }
            }

            runtime.Call("start", code.Form == JavaScriptCodeForm.Module ? "module" : "script", completion);
            return RuntimeOutcome(runtime, realm, host, deadline);
        }
        catch (Exception e)
        {
            return Map(e, deadline, engine, runtime);
        }
    }

    // An answer read in .NET, unless the deadline passed meanwhile.
    private static SandboxOutcome Answered(System.Text.Json.Nodes.JsonNode? result, ExecutionDeadline deadline)
    {
        deadline.Token.ThrowIfCancellationRequested();
        return SandboxOutcome.Succeeded(result);
    }

    // The runtime's answer: its event loop driven to the end, then its outcome.
    private static SandboxOutcome RuntimeOutcome(JintRuntime runtime, JintRealm realm, JavaScriptHostFunctions host, ExecutionDeadline deadline)
    {
        JavaScriptEventLoop.Run(realm, host, deadline.Token);
        return JavaScriptOutcomes.FromRuntime(runtime.Call("outcome").AsString());
    }

    private Engine CreateEngine(ExecutionDeadline deadline) => new(options =>
    {
        options.Culture(CultureInfo.InvariantCulture);
        options.LocalTimeZone(TimeZoneInfo.Utc);
        options.Interop.Enabled = false;
        // The deadline's token is the one clock: Jint's own timeout constraint would start a timer on every call
        // into the engine, several per execution.
        options.CancellationToken(deadline.Token);
        options.RegexTimeoutInterval(deadline.Timeout > TimeSpan.Zero ? deadline.Timeout : TimeSpan.FromMilliseconds(1));
        options.LimitRecursion(MaxCallDepth);
        // Jint's own LimitMemory counts what the thread allocates, garbage included: ordinary data processing would
        // end as MemoryLimit. In a sandbox process the cap counts what the run holds instead; sharing a process, the
        // thread's allocation is all that can be attributed to the run.
        if (invocation.Job.MemoryLimitBytes > 0 && memory.ProcessIsTheExecutions) options.Constraint(new HeldMemoryConstraint(invocation.Job.MemoryLimitBytes));
        else if (invocation.Job.MemoryLimitBytes > 0) options.LimitMemory(invocation.Job.MemoryLimitBytes);
        if (!allowStringCompilation) options.DisableStringCompilation().UseHostFactory(_ => new JintStringCompilationHost());
    });

    private SandboxOutcome Map(Exception e, ExecutionDeadline deadline, Engine? engine, JintRuntime? runtime)
    {
        while (e is TypeInitializationException or AggregateException && e.InnerException is { } inner) e = inner;
        switch (e)
        {
            case OperationCanceledException or ExecutionCanceledException or TimeoutException or RegexMatchTimeoutException:
                return deadline.Stopped();
            case NeverSettlesException:
                return JavaScriptOutcomes.NeverSettled();
            case MemoryLimitExceededException or OutOfMemoryException or InsufficientMemoryException or Streams.StreamMemoryLimitException:
                return JavaScriptOutcomes.Memory(invocation.Job.MemoryLimitBytes);
            case RecursionDepthOverflowException or InsufficientExecutionStackException:
                return JavaScriptOutcomes.CallStackExceeded();
            case JavaScriptException js:
                return Describe(js, engine, runtime);
            case InvalidOperationException when e.Message.Contains("Module loading", StringComparison.Ordinal):
                return JavaScriptOutcomes.Runtime("SyntaxError: import is not allowed: scripts cannot import modules", null);
            default:
                return JavaScriptOutcomes.HostError(e, invocation.Job.MemoryLimitBytes);
        }
    }

    // The runtime shapes script errors the same way for every engine; if it cannot (the engine is stopped), the
    // exception's own text is the answer.
    private static SandboxOutcome Describe(JavaScriptException e, Engine? engine, JintRuntime? runtime)
    {
        if (engine is not null && runtime is not null)
        {
            try
            {
                var described = runtime.Call("describe", e.Error).AsString();
                using var document = System.Text.Json.JsonDocument.Parse(described);
                var root = document.RootElement;
                return JavaScriptOutcomes.Runtime(root.GetProperty("message").GetString()!, root.GetProperty("stack").GetString());
            }
            catch (Exception)
            {
                // Fall through to the exception's own text.
            }
        }

        return JavaScriptOutcomes.Runtime(e.Message, e.JavaScriptStackTrace);
    }
}
