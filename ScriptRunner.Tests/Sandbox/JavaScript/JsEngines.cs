using ScriptRunner.Core.Execution;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>The JavaScript engines the shared behaviour tests run on, and the sandbox each test gets.</summary>
public static class JsEngines
{
    // One V8 isolate for the whole test process, as a sandbox process has one; its executions are serialized.
    private static readonly Lazy<V8Sandbox> SharedV8 = new(() => new V8Sandbox());

    /// <summary>Every JavaScript engine, as theory data.</summary>
    public static TheoryData<string> All => new(EngineNames.Jint, EngineNames.V8);

    /// <summary>A sandbox for <paramref name="engine"/>: a fresh Jint sandbox, or the process's V8 sandbox.</summary>
    internal static IScriptSandbox Sandbox(string engine) => engine switch
    {
        EngineNames.Jint => new JintSandbox(),
        EngineNames.V8 => SharedV8.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "not a JavaScript engine"),
    };

    /// <summary>A sandbox for <paramref name="engine"/> that allows string compilation.</summary>
    internal static IScriptSandbox AllowingStringCompilation(string engine) =>
        engine == EngineNames.V8 ? new V8Sandbox(allowStringCompilation: true) : new JintSandbox(allowStringCompilation: true);
}
