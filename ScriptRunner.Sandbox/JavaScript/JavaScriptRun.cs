using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Parser;
using Jint.Parser.Ast;
using Jint.Runtime.Interop;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>One execution of a script on a fresh engine: prepare, run, invoke the handler, convert the result.</summary>
internal sealed class JavaScriptRun(SandboxInvocation invocation, ExecutionGuard guard, CancellationToken cancellation)
{
    /// <summary>Deepest source nesting accepted (see <see cref="SourceNestingScanner"/>).</summary>
    public const int MaxSourceNesting = 1000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Runs the script; never throws.</summary>
    public SandboxOutcome Execute()
    {
        try
        {
            return ExecuteCore();
        }
        catch (Exception e)
        {
            return JavaScriptErrors.Map(e, guard);
        }
    }

    private SandboxOutcome ExecuteCore()
    {
        var source = Decode(invocation.Code.Span);
        var nesting = SourceNestingScanner.MaxNesting(source);
        if (nesting > MaxSourceNesting)
            return SandboxOutcome.Failed(ErrorTypes.CompileError, $"SyntaxError: the script nests too deeply (about {nesting} levels; the limit is {MaxSourceNesting})");

        Program program;
        try
        {
            program = new JavaScriptParser().Parse(source);
        }
        catch (ParserException e)
        {
            return JavaScriptErrors.Compile(e, source);
        }

        guard.ThrowIfOver();
        var engine = new Engine(options => options
            .TimeoutInterval(guard.Remaining > TimeSpan.Zero ? guard.Remaining : TimeSpan.FromTicks(1))
            .Culture(CultureInfo.InvariantCulture)
            .LocalTimeZone(TimeZoneInfo.Utc));
        var hardening = new BuiltinHardening(engine, guard);
        hardening.Apply();
        var json = new JsonCodec(engine, hardening, guard);
        json.Install();

        var tick = new ClrFunctionInstance(engine, (_, _) =>
        {
            hardening.Enter();
            return JsValue.False;
        }, 0);
        var prepareThrow = new ClrFunctionInstance(engine, PrepareThrowFunction, 1);
        var instrumenter = new ScriptInstrumenter(tick, prepareThrow);
        if (!instrumenter.TryInstrument(program))
            return SandboxOutcome.Failed(ErrorTypes.CompileError, $"SyntaxError: the script nests too deeply (its syntax tree is deeper than {ScriptInstrumenter.MaxDepth} levels)");

        var globals = new HostGlobals(engine, hardening, invocation.Host);
        globals.Install(invocation.EnvVars);
        globals.SetGlobal("fetch", new FetchGlobal(engine, hardening, json, guard, invocation.Host.Fetcher, cancellation).Function());
        UrlPolyfill.Program.Install(engine, tick, prepareThrow);

        engine.Execute(program);
        if (invocation.Handler is not { } handlerName) return SandboxOutcome.Succeeded(ToNode(json.SerializeResult(engine.GetCompletionValue())));

        var handlers = new HandlerInvoker(engine, json);
        if (handlers.Find(handlerName) is not var (function, self))
            return SandboxOutcome.Failed(ErrorTypes.RuntimeError, $"handler '{handlerName}' not found ({HandlerInvoker.SearchOrder(handlerName)})");

        var returned = function.Call(self, [handlers.BuildRequest(invocation.Request)]);
        return SandboxOutcome.Succeeded(handlers.Normalize(returned));
    }

    // Jint 2.10 reads `message` of every thrown object as a string and fails outside the script's try/catch when it is
    // missing (`throw { code: 1 }`); giving such an object an empty, non-enumerable message keeps the throw catchable.
    private static readonly Func<JsValue, JsValue[], JsValue> PrepareThrowFunction = (_, arguments) => PrepareThrow(arguments);

    private static JsValue PrepareThrow(JsValue[] arguments)
    {
        var value = arguments.Length > 0 ? arguments[0] : JsValue.Undefined;
        if (!value.IsObject()) return value;
        var thrown = value.AsObject();
        if (thrown.GetProperty("message") == Jint.Runtime.Descriptors.PropertyDescriptor.Undefined && thrown.Extensible)
            thrown.DefineOwnProperty("message", new Jint.Runtime.Descriptors.PropertyDescriptor("", true, false, true), false);
        return value;
    }

    private static string Decode(ReadOnlySpan<byte> code)
    {
        if (code.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) code = code[3..];
        return Utf8.GetString(code);
    }

    private static JsonNode? ToNode(string? json) =>
        json is null ? null : JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = JsonCodec.MaxDepth + 2 });
}
