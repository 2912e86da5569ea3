using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>The host-binding object the prelude receives on Jint: plain functions over <see cref="JavaScriptHostFunctions"/>.</summary>
internal static class JintHostObject
{
    /// <summary>Builds the object; it is passed to the prelude and never made global. <paramref name="env"/> gives the handler's env.</summary>
    public static JsObject Create(Engine engine, JavaScriptHostFunctions host, Func<JsValue> env)
    {
        var obj = new JsObject(engine);
        Add(engine, obj, "env", 0, _ => env());
        Add(engine, obj, "write", 2, a => { host.Write(Text(a, 0), Text(a, 1)); return JsValue.Undefined; });
        Add(engine, obj, "log", 2, a => { host.Log(Text(a, 0), Text(a, 1)); return JsValue.Undefined; });
        Add(engine, obj, "now", 0, _ => host.Now());
        Add(engine, obj, "unixTime", 0, _ => host.UnixTime());
        Add(engine, obj, "randomBytes", 1, a => host.RandomBytes((int)TypeConverter.ToInteger(a.Length > 0 ? a[0] : JsValue.Undefined)));
        Add(engine, obj, "fetch", 1, a => host.Fetch(Text(a, 0)));
        Add(engine, obj, "subtle", 5, a => JintSubtleCrypto.Call(engine, host.Subtle, a));
        obj.Set("engine", "jint");
        // Jint prints every function as native code, so a built-in is told from the script's functions by its kind.
        Add(engine, obj, "isBuiltin", 1, a => a.Length > 0 && a[0] is global::Jint.Native.Function.Function and not global::Jint.Native.Function.ScriptFunction);
        Add(engine, obj, "domainToAscii", 1, a => Web.DomainToAscii.Convert(Text(a, 0)));
        // UTF-8 for blobs and form bodies: a JavaScript loop over megabytes is slow on Jint and its allocations count
        // against the memory cap. V8 runs the prelude's own loop fast, so its bridge has no such functions.
        Add(engine, obj, "utf8Encode", 1, a => engine.Intrinsics.Uint8Array.Construct(System.Text.Encoding.UTF8.GetBytes(Text(a, 0))));
        Add(engine, obj, "utf8Decode", 1, a => a.Length > 0 && a[0].IsUint8Array() ? System.Text.Encoding.UTF8.GetString(a[0].AsUint8Array()) : "");
        // Streams: made on the streams group's first use, so a run that touches no stream does not pay for them.
        Add(engine, obj, "streams", 0, _ => CreateStreams(engine, host));
        return obj;
    }

    /// <summary>The streams' host functions: compression codecs, UTF-8, the streamed result body.</summary>
    private static JsObject CreateStreams(Engine engine, JavaScriptHostFunctions host)
    {
        var obj = new JsObject(engine);
        Add(engine, obj, "codecOpen", 2, a => host.Codecs.Open(Text(a, 0), Flag(a, 1)));
        Add(engine, obj, "codecPush", 3, a => host.Codecs.Push(Int(a, 0), JintBytes.Read(Arg(a, 1)), Flag(a, 2)) is var n && n >= 0 ? JintBytes.Make(engine, host.Codecs.LastOutput) : n);
        Add(engine, obj, "codecClose", 1, a => { host.Codecs.Close(Int(a, 0)); return JsValue.Undefined; });
        Add(engine, obj, "utf8Decode", 2, a => host.Utf8Decode(JintBytes.Read(Arg(a, 0)), Flag(a, 1)) is { } text ? text : JsValue.Null);
        Add(engine, obj, "utf8Encode", 1, a => JintBytes.Make(engine, host.Utf8Encode(Text(a, 0))));
        Add(engine, obj, "resultCap", 0, _ => host.ResultCapBytes);
        Add(engine, obj, "resultBodyFit", 2, a => host.ResultBodyFit(Text(a, 0), Text(a, 1)));
        return obj;
    }

    private static void Add(Engine engine, JsObject target, string name, int length, Func<JsValue[], JsValue> body) =>
        target.Set(name, new ClrFunction(engine, name, (_, arguments) => body(arguments), length, PropertyFlag.Configurable));

    private static JsValue Arg(JsValue[] arguments, int index) => arguments.Length > index ? arguments[index] : JsValue.Undefined;

    private static bool Flag(JsValue[] arguments, int index) => TypeConverter.ToBoolean(Arg(arguments, index));

    private static int Int(JsValue[] arguments, int index) => (int)TypeConverter.ToInteger(Arg(arguments, index));

    private static string Text(JsValue[] arguments, int index) =>
        TypeConverter.ToString(arguments.Length > index ? arguments[index] : JsValue.Undefined);
}
