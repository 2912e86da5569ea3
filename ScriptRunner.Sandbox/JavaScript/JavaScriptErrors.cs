using System.Reflection;
using System.Text.RegularExpressions;
using Jint.Native;
using Jint.Parser;
using Jint.Runtime;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>Turns whatever ended a run into an engine-neutral <see cref="SandboxOutcome"/>; Jint types stop here.</summary>
internal static class JavaScriptErrors
{
    private const string MaxCallStack = "RangeError: Maximum call stack size exceeded";

    private static readonly Regex Es2015Syntax = new(
        @"=>|`|\.\.\.|\bclass\s+[A-Za-z_$]|\b(let|const)\s+[A-Za-z_$\[{]|\basync\s+(function\b|\()|\bawait\s|^\s*(import|export)\b|\bfunction\s*\*|\bfor\s*\(\s*(var\s+|let\s+|const\s+)?[A-Za-z_$][\w$]*\s+of\b|\b(var|let|const)\s*[\[{]|\bfunction\b[^(){};]*\([^)]*=",
        RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The hint added to syntax errors when the source looks like ES2015 or later.</summary>
    public const string Es51Hint =
        "Jint 2.10 supports ES5.1 only: arrow functions, classes, let/const, async/await, modules are not available";

    /// <summary>A syntax error, with line and column, and the ES5.1 hint when the source uses newer syntax.</summary>
    public static SandboxOutcome Compile(ParserException e, string source)
    {
        var description = string.IsNullOrEmpty(e.Description) ? e.Message : e.Description;
        var message = $"SyntaxError: {description} (line {e.LineNumber}, column {e.Column})";
        if (LooksLikeEs2015(source)) message += ". " + Es51Hint;
        return SandboxOutcome.Failed(ErrorTypes.CompileError, message, $"    at line {e.LineNumber} column {e.Column}");
    }

    /// <summary>Maps an exception that ended the run.</summary>
    public static SandboxOutcome Map(Exception e, ExecutionGuard guard)
    {
        e = Unwrap(e);
        return e switch
        {
            SandboxLimitException { Kind: LimitKind.Memory } => SandboxOutcome.Failed(ErrorTypes.MemoryLimit, e.Message),
            SandboxLimitException => SandboxOutcome.Failed(ErrorTypes.Timeout, e.Message),
            TimeoutException or OperationCanceledException or StatementsCountOverflowException or RegexMatchTimeoutException =>
                SandboxOutcome.Failed(ErrorTypes.Timeout, guard.TimeoutError().Message),
            JavaScriptException js => Runtime(js),
            RecursionDepthOverflowException or InsufficientExecutionStackException => SandboxOutcome.Failed(ErrorTypes.RuntimeError, MaxCallStack),
            ResultConversionException => SandboxOutcome.Failed(ErrorTypes.RuntimeError, e.Message),
            OutOfMemoryException => SandboxOutcome.Failed(ErrorTypes.MemoryLimit, "memory limit exceeded: a single string or array was too large"),
            ArgumentException { Message: "The value is not a string" } =>
                SandboxOutcome.Failed(ErrorTypes.RuntimeError, "Uncaught exception: the thrown object's message is not a string"),
            ParserException parse => SandboxOutcome.Failed(ErrorTypes.CompileError, $"SyntaxError: {parse.Description} (line {parse.LineNumber}, column {parse.Column})"),
            _ => SandboxOutcome.Failed(ErrorTypes.HostError, $"internal error in the JavaScript sandbox: {e.GetType().Name}: {e.Message}"),
        };
    }

    private static SandboxOutcome Runtime(JavaScriptException e)
    {
        var value = e.Error;
        string message;
        if (value.IsObject() && ValueFormatter.IsError(value.AsObject())) message = ValueFormatter.ErrorText(value.AsObject());
        else if (value.IsString()) message = "Uncaught " + value.AsString();
        else message = "Uncaught " + ValueFormatter.Format(value ?? JsValue.Undefined);

        var stack = e.Location is { } location ? $"{message}\n    at line {location.Start.Line} column {location.Start.Column + 1}" : null;
        return SandboxOutcome.Failed(ErrorTypes.RuntimeError, message, stack);
    }

    private static bool LooksLikeEs2015(string source)
    {
        try
        {
            return Es2015Syntax.IsMatch(source);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // .NET wraps exceptions thrown inside comparers and reflection; the cause is what counts.
    private static Exception Unwrap(Exception e)
    {
        while (e is InvalidOperationException or TargetInvocationException or AggregateException or TypeInitializationException
               && e.InnerException is { } inner)
            e = inner;
        return e;
    }
}
