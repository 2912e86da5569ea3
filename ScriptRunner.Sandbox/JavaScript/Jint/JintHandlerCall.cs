using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// A module's function handler called by the Jint adapter itself, as the runtime's <c>startHandler</c> would call it
/// (<c>holder[name](request, env, ctx)</c>), so the common edge function costs no runtime at all: its request and env
/// are made in .NET, and an answer that is plain data (<see cref="JintResponse"/>) is read in .NET. Whatever else
/// happens (<c>waitUntil</c>, a Response, a body to serialize, a promise still pending, a throw) is handed to the
/// runtime where it stands (<c>adopt</c>, <c>waitUntil</c>, <c>fail</c>), and the answer is the runtime's.
/// </summary>
internal sealed class JintHandlerCall
{
    private static readonly CancellationToken AlreadyCancelled = new(canceled: true);

    private readonly Engine _engine;
    private readonly JintRuntime _runtime;
    private JsValue? _waits;

    private JintHandlerCall(Engine engine, JintRuntime runtime)
    {
        _engine = engine;
        _runtime = runtime;
    }

    /// <summary>
    /// The function findModuleHandler (Runner.js) would call for <paramref name="namespace"/>, or null when it would
    /// not find a function there (an object with a fetch method, no handler, an error to report): the runtime takes those.
    /// </summary>
    public static JsValue? Find(ObjectInstance @namespace, string? handler)
    {
        if (handler is not null && @namespace.Get(handler) is var named && !named.IsUndefined()) return named.IsCallable() ? named : null;
        return @namespace.Get("default") is var exported && exported.IsCallable() ? exported : null;
    }

    /// <summary>
    /// Calls <paramref name="handler"/> with <paramref name="request"/>; <paramref name="answered"/> says whether the
    /// result is the answer, or the runtime has taken the run over (then its event loop and outcome follow).
    /// </summary>
    public static JsonNode? Call(Engine engine, JintRuntime runtime, JintRealm realm, JsValue handler, JsValue request, out bool answered)
    {
        var call = new JintHandlerCall(engine, runtime);
        return call.Run(realm, handler, request, out answered);
    }

    private JsonNode? Run(JintRealm realm, JsValue handler, JsValue request, out bool answered)
    {
        answered = false;
        // The holder names the function as asHandler does, so `this` and stack frames are what the runtime gives.
        var given = handler.AsObject().Get("name");
        var holder = new JsObject(_engine);
        holder.Set(TypeConverter.ToBoolean(given) ? TypeConverter.ToPropertyKey(given) : "handler", handler);
        JsValue returned;
        try
        {
            returned = _engine.Call(handler, holder, [request, _runtime.Env(), Context()]);
        }
        catch (JavaScriptException e)
        {
            _runtime.Call("fail", e.Error);
            return null;
        }

        // The handler's own promise settles in the microtasks its call queued, as it would in the event loop.
        realm.RunMicrotasks();
        if (_waits is null && Settled(returned) is { } value)
        {
            realm.ReportUnhandledRejections();
            if (_waits is null && !_runtime.Made && JintResponse.TryAnswer(_engine, value, out var answer))
            {
                answered = true;
                return answer;
            }
        }

        _runtime.Call("adopt", returned, _waits ?? new JsArray(_engine));
        return null;
    }

    // The value a fulfilled promise holds, or a value that needs no resolving; null while it is pending or rejected,
    // or when resolving it could run script (a thenable, or an object that might be one): the runtime resolves those.
    private JsValue? Settled(JsValue returned)
    {
        if (returned.IsPromise())
        {
            // A cancelled token makes Jint answer at once for a pending promise, where it would otherwise wait for it.
            try
            {
                return returned.UnwrapIfPromise(AlreadyCancelled);
            }
            catch (Exception e) when (e is PromiseRejectedException or OperationCanceledException)
            {
                return null;
            }
        }

        if (returned is not ObjectInstance) return returned;
        return JintData.IsPlain(_engine, returned) ? returned : null;
    }

    // ctx: waitUntil hands the run to the runtime (its promises are waited for and their rejections reported there);
    // passThroughOnException does nothing, as in the runtime.
    private JsObject Context()
    {
        var context = new JsObject(_engine);
        // Frozen, as Object.freeze leaves an object literal's methods: enumerable, neither writable nor configurable.
        context.DefineOwnProperty("waitUntil", new PropertyDescriptor(new ClrFunction(_engine, "waitUntil", (_, arguments) =>
        {
            _waits ??= new JsArray(_engine);
            _runtime.Call("waitUntil", _waits, arguments.Length > 0 ? arguments[0] : JsValue.Undefined);
            return JsValue.Undefined;
        }, 1, PropertyFlag.Configurable), PropertyFlag.Enumerable));
        context.DefineOwnProperty("passThroughOnException", new PropertyDescriptor(new ClrFunction(_engine, "passThroughOnException", (_, _) => JsValue.Undefined, 0, PropertyFlag.Configurable), PropertyFlag.Enumerable));
        context.PreventExtensions();
        return context;
    }
}
