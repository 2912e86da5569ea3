using System.Diagnostics;
using Jint.Native.Function;
using Jint.Runtime;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// Jint's host with its string-compilation refusal worded for the script: "eval is not allowed", "the Function
/// constructor is not allowed" (and the generator, async and async generator constructors), or
/// "ShadowRealm.prototype.evaluate is not allowed", as a TypeError, the same words V8's refusal script uses.
/// </summary>
/// <remarks>
/// Jint asks the host one question for every construct (HostEnsureCanCompileStrings) without saying which construct
/// asked, so the refusal reads its own call stack: the engine's eval, a function constructor or ShadowRealm is the
/// caller. Reading the stack costs only on a refusal; wrapping the constructors in JavaScript instead would cost
/// every execution the building of four constructors. Should the caller not be found, the message stays true
/// without naming it. It is installed only where string compilation is refused.
/// </remarks>
internal sealed class JintStringCompilationHost : Host
{
    /// <summary>The message for a refused construct.</summary>
    public static string Refused(string construct) => construct + " is not allowed";

    /// <inheritdoc />
    public override void EnsureCanCompileStrings(Realm callerRealm, Realm evalRealm)
    {
        throw new JavaScriptException(callerRealm.Intrinsics.TypeError, Refused(Construct()));
    }

    private static string Construct()
    {
        foreach (var frame in new StackTrace(2, false).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            if (type == typeof(EvalFunction)) return "eval";
            if (type == typeof(FunctionConstructor)) return "the Function constructor";
            if (type == typeof(global::Jint.Native.ShadowRealm.ShadowRealm)) return "ShadowRealm.prototype.evaluate";
            // Jint keeps these three constructors internal: known by name.
            switch (type?.FullName)
            {
                case "Jint.Native.Generator.GeneratorFunctionConstructor": return "the GeneratorFunction constructor";
                case "Jint.Native.AsyncFunction.AsyncFunctionConstructor": return "the AsyncFunction constructor";
                case "Jint.Native.AsyncGenerator.AsyncGeneratorFunctionConstructor": return "the AsyncGeneratorFunction constructor";
            }
        }

        return "compiling a string into code";
    }
}
