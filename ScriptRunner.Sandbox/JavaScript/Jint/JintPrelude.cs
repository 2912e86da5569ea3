using Acornima.Ast;
using Jint;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>The prelude parsed for Jint once per process, shared by every engine and thread.</summary>
internal sealed class JintPrelude
{
    private static readonly Lazy<JintPrelude> Parsed = new(() => new JintPrelude());

    private JintPrelude()
    {
        Runtime = Engine.PrepareScript(JavaScriptPrelude.Source, JavaScriptPrelude.SourceName);
    }

    /// <summary>The process's one parse of the prelude.</summary>
    public static JintPrelude Instance => Parsed.Value;

    /// <summary>The prelude: a function of <c>(host, inputJson, …intrinsics)</c> returning the runtime.</summary>
    public Prepared<Script> Runtime { get; }
}
