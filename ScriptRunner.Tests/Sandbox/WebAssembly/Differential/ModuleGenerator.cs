using System.Globalization;
using System.Text;

namespace ScriptRunner.Tests.Sandbox.WebAssembly.Differential;

/// <summary>
/// Writes random but valid WebAssembly text: each function is an expression tree over i32, i64, f32 and f64 with
/// the operators that can trap (division, remainder, truncation, loads and stores at any address, unreachable,
/// call_indirect through a partly filled table, memory.grow) mixed into ordinary arithmetic, comparisons, locals and
/// branches. The same seed gives the same module. The sign and payload of a NaN that arithmetic produces are left
/// open by the spec, so the generator never makes them observable: no <c>copysign</c>, and floats are stored only in
/// their own region of memory, which integer loads never read.
/// </summary>
internal sealed class ModuleGenerator(int seed)
{
    private static readonly string[] Types = ["i32", "i64", "f32", "f64"];

    // Where floats are stored: [0x8000, 0x8400), above every address Address() gives inside the first page.
    private const int FloatRegion = 0x8000;
    private readonly Random _random = new(seed);

    /// <summary>A module exporting <paramref name="functions"/> functions <c>f0</c>.. each of type (i32, i64) -> T.</summary>
    public string Module(int functions, out IReadOnlyList<string> resultTypes)
    {
        var types = new List<string>();
        var text = new StringBuilder();
        text.AppendLine("(module");
        text.AppendLine("  (memory (export \"memory\") 1 4)");
        text.AppendLine("  (data (i32.const 0) \"\\01\\02\\03\\04\\05\\06\\07\\08\\ff\\fe\\fd\\fc\\80\\00\\00\\7f\")");
        text.AppendLine("  (type $i2i (func (param i32) (result i32)))");
        text.AppendLine("  (type $l2l (func (param i64) (result i64)))");
        text.AppendLine("  (table 4 funcref)");
        text.AppendLine("  (elem (i32.const 0) $dbl $neg)");
        text.AppendLine("  (func $dbl (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))");
        text.AppendLine("  (func $neg (param i64) (result i64) (i64.sub (i64.const 0) (local.get 0)))");
        for (var i = 0; i < functions; i++)
        {
            var type = Types[_random.Next(Types.Length)];
            types.Add(type);
            text.AppendLine($"  (func (export \"f{i}\") (param $a i32) (param $b i64) (result {type}) (local $x i32)");
            text.AppendLine($"    {Expression(type, 5)})");
        }

        text.AppendLine(")");
        resultTypes = types;
        return text.ToString();
    }

    private string Expression(string type, int depth)
    {
        if (depth == 0 || _random.Next(5) == 0) return Leaf(type);
        var d = depth - 1;
        switch (_random.Next(12))
        {
            case 0:
                return $"(if (result {type}) {Expression("i32", d)} (then {Expression(type, d)}) (else {Expression(type, d)}))";
            case 1:
                return $"(block (result {type}) (br_if 0 {Expression(type, d)} {Expression("i32", d)}) (drop) {Expression(type, d)})";
            case 2 when _random.Next(8) == 0:
                return $"(block (result {type}) (unreachable))";
            case 3:
                return Load(type, d);
            case 4:
                var target = type.StartsWith('f') ? $"(i32.or (i32.and {Expression("i32", d)} (i32.const 0x3f8)) (i32.const {FloatRegion}))" : Address(d);
                return $"(block (result {type}) ({type}.store {target} {Expression(type, d)}) {Expression(type, d)})";
            case 5 when type == "i32":
                return $"(call_indirect (type $i2i) {Expression("i32", d)} (i32.and {Expression("i32", d)} (i32.const 7)))";
            case 5 when type == "i64":
                return $"(call_indirect (type $l2l) {Expression("i64", d)} (i32.and {Expression("i32", d)} (i32.const 3)))";
            case 6 when type == "i32" && _random.Next(4) == 0:
                return $"(memory.grow (i32.and {Expression("i32", d)} (i32.const 3)))";
            case 7:
                return Conversion(type, d);
            case 8 when type == "i32":
                var operand = Types[_random.Next(Types.Length)];
                var comparisons = operand.StartsWith('i') ? new[] { "eq", "ne", "lt_s", "gt_u", "le_u", "ge_s" } : new[] { "eq", "ne", "lt", "gt", "le", "ge" };
                return $"({operand}.{Pick(comparisons)} {Expression(operand, d)} {Expression(operand, d)})";
            case 9 when type == "i32":
                return $"(local.tee $x {Expression("i32", d)})";
            default:
                return Binary(type, d);
        }
    }

    private string Binary(string type, int depth)
    {
        var ops = type.StartsWith('i')
            ? new[] { "add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl" }
            : new[] { "add", "sub", "mul", "div", "min", "max" };
        return $"({type}.{Pick(ops)} {Expression(type, depth)} {Expression(type, depth)})";
    }

    private string Conversion(string type, int depth) => type switch
    {
        "i32" => Pick(new[] { $"(i32.wrap_i64 {Expression("i64", depth)})", $"(i32.trunc_f64_s {Expression("f64", depth)})", $"(i32.trunc_f32_u {Expression("f32", depth)})", $"(i32.trunc_sat_f64_s {Expression("f64", depth)})" }),
        "i64" => Pick(new[] { $"(i64.extend_i32_s {Expression("i32", depth)})", $"(i64.trunc_f64_u {Expression("f64", depth)})", $"(i64.extend_i32_u {Expression("i32", depth)})" }),
        "f32" => Pick(new[] { $"(f32.convert_i32_s {Expression("i32", depth)})", $"(f32.demote_f64 {Expression("f64", depth)})", $"(f32.sqrt {Expression("f32", depth)})" }),
        _ => Pick(new[] { $"(f64.convert_i64_u {Expression("i64", depth)})", $"(f64.promote_f32 {Expression("f32", depth)})", $"(f64.nearest {Expression("f64", depth)})" }),
    };

    private string Load(string type, int depth) => $"({type}.load {Address(depth)})";

    // Mostly in bounds, sometimes near or past the end of the (growable) memory; never in the float region.
    private string Address(int depth) => _random.Next(4) switch
    {
        0 => $"(i32.and {Expression("i32", depth)} (i32.const 0x3fff))",
        1 => $"(i32.const {Pick(new[] { 65528, 65532, 65535, 131070, -1, 0 })})",
        _ => $"(i32.const {_random.Next(64)})",
    };

    private string Leaf(string type) => _random.Next(3) switch
    {
        0 when type == "i32" => "(local.get $a)",
        0 when type == "i64" => "(local.get $b)",
        _ => $"({type}.const {Constant(type)})",
    };

    private string Constant(string type) => type switch
    {
        "i32" => Pick(new[] { "0", "1", "-1", "2", "7", "0x7fffffff", "-2147483648", _random.Next().ToString(CultureInfo.InvariantCulture) }),
        "i64" => Pick(new[] { "0", "1", "-1", "3", "0x7fffffffffffffff", "-9223372036854775808", _random.NextInt64().ToString(CultureInfo.InvariantCulture) }),
        _ => Pick(new[] { "0", "-0", "1.5", "-2.25", "1e10", "-1e30", "nan", "inf", "-inf", "4294967296", "0x1p-149" }),
    };

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
