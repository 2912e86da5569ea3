using System.Text;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Native.RegExp;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Makes Jint's built-ins safe to hand to an untrusted script: removes code generation, and puts every built-in
/// method behind a check of the run's limits. Jint's natives loop and recurse in .NET where its own timeout never
/// looks (a 2^32-long sparse array, <c>f.call.call.apply(…)</c> chains, catastrophic regular expressions), so each
/// call first checks the deadline, memory and stack, and the few unbounded ones get a bound of their own.
/// </summary>
internal sealed class BuiltinHardening(Engine engine, ExecutionGuard guard)
{
    /// <summary>Longest array (or array-like) a built-in array method will walk: Jint walks sparse holes one by one.</summary>
    public const uint MaxNativeArrayLength = 1u << 22;

    /// <summary>Most arguments <c>Function.prototype.apply</c> spreads into one call.</summary>
    public const uint MaxApplyArguments = 1u << 20;

    private static readonly HashSet<string> UnboundedArrayMethods = ["push", "pop"];
    private static readonly HashSet<string> RegexReceivers = ["exec", "test"];
    private static readonly HashSet<string> RegexArgumentMethods = ["match", "search", "replace", "split"];

    // What Jint spends on one array element (descriptor, value, dictionary entry), for pre-checking array builders.
    private const long BytesPerArrayElement = 128;

    // A regex keeps its timeout until the deadline it was made for is this much nearer; then it is rebuilt.
    private static readonly TimeSpan RegexTimeoutSlack = TimeSpan.FromMilliseconds(100);

    /// <summary>Applies every measure to the engine's built-ins.</summary>
    public void Apply()
    {
        DisableCodeGeneration();
        foreach (var target in BuiltinObjects()) GuardMethods(target, target == engine.Array.PrototypeObject, target == engine.RegExp.PrototypeObject, target == engine.String.PrototypeObject);

        // Replaced outright, each already guarded.
        SetMethod(engine.Function.PrototypeObject, "bind", (t, a) => BoundFunction.Bind(engine, t, a), 1);
        SetMethod(engine.Array.PrototypeObject, "join", Join, 1);
        SetMethod(engine.Array.PrototypeObject, "sort", new ArraySort(engine, this).Sort, 1);
    }

    /// <summary>A host function whose every call first checks the run's limits.</summary>
    public ClrFunctionInstance Guarded(Func<JsValue, JsValue[], JsValue> body, int length) =>
        new(engine, (thisObject, arguments) =>
        {
            Enter();
            return body(thisObject, arguments);
        }, length);

    /// <summary>Checks time, memory and stack before a host or built-in call proceeds.</summary>
    public void Enter()
    {
        guard.Check();
        if (guard.StackExhausted) throw StackOverflow();
    }

    public JavaScriptException StackOverflow() => new(engine.RangeError, "Maximum call stack size exceeded");

    private void SetMethod(ObjectInstance target, string name, Func<JsValue, JsValue[], JsValue> body, int length) =>
        target.FastSetProperty(name, new PropertyDescriptor(Guarded(body, length), writable: true, enumerable: false, configurable: true));

    private IEnumerable<ObjectInstance> BuiltinObjects() =>
    [
        engine.Global, engine.Object, engine.Object.PrototypeObject, engine.Function.PrototypeObject,
        engine.Array, engine.Array.PrototypeObject, engine.String, engine.String.PrototypeObject,
        engine.Number, engine.Number.PrototypeObject, engine.Boolean.PrototypeObject, engine.Date,
        engine.Date.PrototypeObject, engine.RegExp.PrototypeObject, engine.Math, engine.Json,
        engine.Error.PrototypeObject,
    ];

    private void DisableCodeGeneration()
    {
        var functionPrototype = engine.Function.PrototypeObject;
        var evalStub = new ClrFunctionInstance(engine, (_, _) => throw new JavaScriptException(engine.EvalError, "eval is not available in the sandbox"), 1);
        var functionStub = new DisabledConstructor(engine, "the Function constructor is not available in the sandbox", functionPrototype);
        engine.Global.FastSetProperty("eval", new PropertyDescriptor(evalStub, writable: true, enumerable: false, configurable: true));
        engine.Global.FastSetProperty("Function", new PropertyDescriptor(functionStub, writable: true, enumerable: false, configurable: true));
        // Every function inherits `constructor` from here: `(function(){}).constructor('code')` must not reach Jint's.
        functionPrototype.FastSetProperty("constructor", new PropertyDescriptor(functionStub, writable: true, enumerable: false, configurable: true));
    }

    private void GuardMethods(ObjectInstance target, bool isArrayPrototype, bool isRegExpPrototype, bool isStringPrototype)
    {
        foreach (var (name, descriptor) in target.GetOwnProperties().ToList())
        {
            if (!descriptor.IsDataDescriptor() || descriptor.Value is not { } value || !value.IsObject()) continue;
            if (value.AsObject() is not FunctionInstance original || original is IConstructor) continue;

            var checkLength = isArrayPrototype && !UnboundedArrayMethods.Contains(name);
            var checkApply = target == engine.Function.PrototypeObject && name == "apply";
            var regexReceiver = isRegExpPrototype && RegexReceivers.Contains(name);
            var regexArgument = isStringPrototype && RegexArgumentMethods.Contains(name);
            var length = (int)TypeConverter.ToInteger(original.Get("length"));
            var wrapper = new ClrFunctionInstance(engine, (thisObject, arguments) =>
            {
                Enter();
                if (checkLength) CheckArrayLength(thisObject, name);
                if (checkApply) CheckApplyArguments(arguments);
                if (regexReceiver && thisObject.TryCast<RegExpInstance>() is { } receiver) BoundRegex(receiver);
                if (regexArgument) arguments = WithBoundRegexArgument(name, arguments);
                if (regexArgument && name is "split" or "match") CheckPieces(name, thisObject, arguments);
                if (regexArgument && name == "replace") CheckReplacement(thisObject, arguments);
                var result = original.Call(thisObject, arguments);
                guard.Check();
                return result;
            }, length);
            target.FastSetProperty(name, new PropertyDescriptor(wrapper, descriptor.Writable, descriptor.Enumerable, descriptor.Configurable));
        }
    }

    private void CheckArrayLength(JsValue thisObject, string method)
    {
        if (thisObject.IsUndefined() || thisObject.IsNull()) return; // the built-in reports its own TypeError
        var length = TypeConverter.ToUint32(TypeConverter.ToObject(engine, thisObject).Get("length"));
        if (length > MaxNativeArrayLength)
            throw new JavaScriptException(engine.RangeError, $"Array.prototype.{method}: length {length} is over the sandbox limit of {MaxNativeArrayLength}");
    }

    // split and global match turn a string (2 bytes a character) into an array (~128 bytes an element) inside one
    // call: refuse up front when the pieces cannot fit in the memory the run has left.
    private void CheckPieces(string method, JsValue thisObject, JsValue[] arguments)
    {
        if (!thisObject.IsString()) return;
        var text = thisObject.AsString();
        var headroom = guard.MemoryHeadroom;
        if ((text.Length + 1L) * BytesPerArrayElement <= headroom) return;

        var pattern = arguments.Length > 0 ? arguments[0] : Undefined.Instance;
        long pieces;
        if (pattern.TryCast<RegExpInstance>() is { } regex)
        {
            if (method == "match" && !regex.Global) return;
            pieces = regex.Value.Count(text) + 1;
        }
        else if (method == "split" && pattern.IsString())
        {
            var separator = pattern.AsString();
            pieces = separator.Length == 0 ? text.Length : CountOccurrences(text, separator) + 1;
        }
        else return;

        if (method == "split" && arguments.Length > 1 && !arguments[1].IsUndefined())
            pieces = Math.Min(pieces, TypeConverter.ToUint32(arguments[1]));
        if (pieces * BytesPerArrayElement > headroom) guard.EnsureRoomFor(pieces * BytesPerArrayElement);
    }

    // replace builds its whole result inside one call: 'x…x'.replace(/x/g, oneMegabyte) would ask for terabytes.
    private void CheckReplacement(JsValue thisObject, JsValue[] arguments)
    {
        if (!thisObject.IsString() || arguments.Length < 2 || !arguments[1].IsString()) return;
        var text = thisObject.AsString();
        var replacement = arguments[1].AsString();
        var headroom = guard.MemoryHeadroom;
        if ((text.Length + 1L) * (replacement.Length + 1L) * 2 <= headroom) return;

        var pattern = arguments[0];
        long matches = pattern.TryCast<RegExpInstance>() is { Global: true } regex ? regex.Value.Count(text) : 1;
        // Each "$" pattern can repeat at most the matched text, and all matches together are at most the input.
        var substitutions = replacement.Count(c => c == '$');
        var chars = text.Length + matches * replacement.Length + (long)substitutions * text.Length;
        if (chars * 2 > headroom) guard.EnsureRoomFor(chars * 2);
    }

    private static long CountOccurrences(string text, string separator)
    {
        long count = 0;
        for (var at = text.IndexOf(separator, StringComparison.Ordinal); at >= 0; at = text.IndexOf(separator, at + separator.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    // Jint's apply copies every index up to the array-like's length, however sparse: {length: 4294967295} never ends.
    private void CheckApplyArguments(JsValue[] arguments)
    {
        if (arguments.Length < 2 || !arguments[1].IsObject()) return;
        var count = TypeConverter.ToUint32(arguments[1].AsObject().Get("length"));
        if (count > MaxApplyArguments)
            throw new JavaScriptException(engine.RangeError, $"Function.prototype.apply: {count} arguments is over the sandbox limit of {MaxApplyArguments}");
    }

    private JsValue[] WithBoundRegexArgument(string method, JsValue[] arguments)
    {
        var pattern = arguments.Length > 0 ? arguments[0] : Undefined.Instance;
        if (pattern.TryCast<RegExpInstance>() is { } regex)
        {
            BoundRegex(regex);
            return arguments;
        }

        // match and search turn a string into a regular expression internally; build it here so it is bounded too.
        if (method is not ("match" or "search")) return arguments;
        var built = (RegExpInstance)engine.RegExp.Construct([pattern]);
        BoundRegex(built);
        var copy = arguments.Length > 0 ? (JsValue[])arguments.Clone() : new JsValue[1];
        copy[0] = built;
        return copy;
    }

    // .NET regular expressions backtrack without bound; a match timeout tied to the run's deadline ends them.
    private void BoundRegex(RegExpInstance regex)
    {
        var remaining = guard.Remaining;
        if (remaining <= TimeSpan.Zero) throw guard.TimeoutError();
        var current = regex.Value;
        if (current.MatchTimeout != Regex.InfiniteMatchTimeout && current.MatchTimeout <= remaining + RegexTimeoutSlack) return;
        regex.Value = new Regex(current.ToString(), current.Options, remaining + TimeSpan.FromMilliseconds(20));
    }

    // Jint 2.10's join concatenates strings one by one (quadratic: a 1e6-element join takes minutes); this one builds
    // the result once, under the run's limits.
    private JsValue Join(JsValue thisObject, JsValue[] arguments)
    {
        var target = TypeConverter.ToObject(engine, thisObject);
        var length = TypeConverter.ToUint32(target.Get("length"));
        var separatorArgument = arguments.Length > 0 ? arguments[0] : Undefined.Instance;
        var separator = separatorArgument.IsUndefined() ? "," : TypeConverter.ToString(separatorArgument);
        if (length == 0) return "";
        if (length > MaxNativeArrayLength)
            throw new JavaScriptException(engine.RangeError, $"Array.prototype.join: length {length} is over the sandbox limit of {MaxNativeArrayLength}");

        var text = new StringBuilder();
        for (uint k = 0; k < length; k++)
        {
            if (k > 0) text.Append(separator);
            var element = target.Get(TypeConverter.ToString(k));
            if (!element.IsUndefined() && !element.IsNull()) text.Append(TypeConverter.ToString(element));
            if ((k & 1023) == 0 || text.Length > 1 << 20)
            {
                guard.Check();
                if (text.Length * 2L > guard.MemoryHeadroom) guard.EnsureRoomFor(text.Length * 2L);
            }
        }

        return text.ToString();
    }
}
