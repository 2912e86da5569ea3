using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Parser;
using Jint.Parser.Ast;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Embedded ES5 code (a single function expression taking the global object) parsed and instrumented once, then run
/// by any number of engines, concurrently: each engine makes its own function from the shared syntax tree.
/// </summary>
/// <remarks>
/// Jint 2.10 keeps two caches in the tree: literal values and all-literal argument lists, written on first use. They
/// are filled here, before the tree is shared, so no engine writes to it; regular expression literals, whose value is
/// an object of one engine, are refused. The limit checks are reached through two extra parameters of the function
/// with names no source can spell, bound to each run's own check functions when it is called.
/// </remarks>
internal sealed class SharedProgram
{
    private const string TickName = "%tick";
    private const string PrepareThrowName = "%prepareThrow";

    private readonly Program _program;

    /// <summary>Parses and instruments <paramref name="source"/>; throws if it is not a shareable function expression.</summary>
    public SharedProgram(string source)
    {
        _program = new JavaScriptParser().Parse(source);
        if (_program.Body.Count != 1 || _program.Body.First() is not ExpressionStatement { Expression: FunctionExpression function })
            throw new InvalidOperationException("shared code must be a single function expression");
        function.Parameters = [.. function.Parameters, Parameter(TickName), Parameter(PrepareThrowName)];
        if (!ScriptInstrumenter.ForSharedProgram(TickName, PrepareThrowName).TryInstrument(_program))
            throw new InvalidOperationException("shared code nests too deeply");
    }

    /// <summary>Makes the function in <paramref name="engine"/> and calls it with the global object and the run's checks.</summary>
    public void Install(Engine engine, JsValue tick, JsValue prepareThrow)
    {
        var function = (FunctionInstance)engine.Execute(_program).GetCompletionValue().AsObject();
        function.Call(JsValue.Undefined, [engine.Global, tick, prepareThrow]);
    }

    private static Identifier Parameter(string name) => new() { Type = SyntaxNodes.Identifier, Name = name };
}
