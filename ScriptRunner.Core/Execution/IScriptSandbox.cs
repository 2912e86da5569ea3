using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Execution;

/// <summary>An engine that runs one kind of code under limits. Engine-neutral: the API and host bindings never change with it.</summary>
public interface IScriptSandbox
{
    /// <summary>The code type this sandbox runs.</summary>
    CodeType CodeType { get; }

    /// <summary>The engine name requests use to choose this sandbox (see <see cref="EngineNames"/>).</summary>
    string Engine { get; }

    /// <summary>
    /// Runs the code synchronously on the calling thread and returns how it went. Never throws for anything the
    /// script does (syntax errors, exceptions, loops, bombs): those are outcomes. The invocation's deadline and
    /// cancellation token are both honoured.
    /// </summary>
    SandboxOutcome Execute(SandboxInvocation invocation);
}
