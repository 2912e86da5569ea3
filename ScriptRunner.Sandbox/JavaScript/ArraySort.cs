using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The sandbox's <c>Array.prototype.sort</c>: a stable merge sort (as modern engines do) that tolerates inconsistent
/// comparators. Jint 2.10 hands the comparator to .NET's <c>Array.Sort</c>, which fails outside the script's
/// try/catch on a comparator like <c>Math.random() - 0.5</c>, a common shuffle.
/// </summary>
internal sealed class ArraySort(Engine engine, BuiltinHardening hardening)
{
    /// <summary>The <c>sort</c> built-in.</summary>
    public JsValue Sort(JsValue thisObject, JsValue[] arguments)
    {
        var target = TypeConverter.ToObject(engine, thisObject);
        var comparatorValue = arguments.Length > 0 ? arguments[0] : Undefined.Instance;
        ICallable? comparator = null;
        if (!comparatorValue.IsUndefined())
            comparator = comparatorValue.TryCast<ICallable>() ?? throw new JavaScriptException(engine.TypeError, "The comparison function must be either a function or undefined");

        var length = TypeConverter.ToUint32(target.Get("length"));
        if (length > BuiltinHardening.MaxNativeArrayLength)
            throw new JavaScriptException(engine.RangeError, $"Array.prototype.sort: length {length} is over the sandbox limit of {BuiltinHardening.MaxNativeArrayLength}");

        var values = new List<JsValue>();
        var undefinedCount = 0;
        for (uint i = 0; i < length; i++)
        {
            var key = Key(i);
            if (!target.HasProperty(key)) continue;
            var value = target.Get(key);
            if (value.IsUndefined()) undefinedCount++;
            else values.Add(value);
        }

        var sorted = MergeSort(values.ToArray(), comparator);
        uint index = 0;
        foreach (var value in sorted) target.Put(Key(index++), value, true);
        for (var i = 0; i < undefinedCount; i++) target.Put(Key(index++), Undefined.Instance, true);
        // Holes sort after everything and stay holes.
        for (; index < length; index++) target.Delete(Key(index), true);
        return target;
    }

    private JsValue[] MergeSort(JsValue[] items, ICallable? comparator)
    {
        var buffer = new JsValue[items.Length];
        for (var width = 1; width < items.Length; width *= 2)
        {
            for (var start = 0; start < items.Length; start += 2 * width)
            {
                int middle = Math.Min(start + width, items.Length), end = Math.Min(start + 2 * width, items.Length);
                int left = start, right = middle, k = start;
                while (left < middle && right < end)
                    buffer[k++] = Compare(items[right], items[left], comparator) < 0 ? items[right++] : items[left++];
                while (left < middle) buffer[k++] = items[left++];
                while (right < end) buffer[k++] = items[right++];
            }

            (items, buffer) = (buffer, items);
            hardening.Enter();
        }

        return items;
    }

    private static double Compare(JsValue x, JsValue y, ICallable? comparator)
    {
        if (comparator is null) return string.CompareOrdinal(TypeConverter.ToString(x), TypeConverter.ToString(y));
        var result = TypeConverter.ToNumber(comparator.Call(Undefined.Instance, [x, y]));
        return double.IsNaN(result) ? 0 : result;
    }

    private static string Key(uint index) => index.ToString(CultureInfo.InvariantCulture);
}
