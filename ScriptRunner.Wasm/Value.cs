using System.Globalization;
using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm;

/// <summary>A WebAssembly value of any type; floats keep their exact bit pattern.</summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly ulong _low;
    private readonly ulong _high;
    private readonly object? _reference;

    private Value(ValueKind kind, ulong low, ulong high, object? reference)
    {
        Kind = kind;
        _low = low;
        _high = high;
        _reference = reference;
    }

    /// <summary>The value's type.</summary>
    public ValueKind Kind { get; }

    /// <summary>True for a null funcref or externref.</summary>
    public bool IsNullRef => Kind is ValueKind.FuncRef or ValueKind.ExternRef && _reference is null;

    /// <summary>An i32 value.</summary>
    public static Value FromI32(int value) => new(ValueKind.I32, (uint)value, 0, null);

    /// <summary>An i64 value.</summary>
    public static Value FromI64(long value) => new(ValueKind.I64, (ulong)value, 0, null);

    /// <summary>An f32 value.</summary>
    public static Value FromF32(float value) => FromF32Bits(BitConverter.SingleToUInt32Bits(value));

    /// <summary>An f32 value given by its bit pattern.</summary>
    public static Value FromF32Bits(uint bits) => new(ValueKind.F32, bits, 0, null);

    /// <summary>An f64 value.</summary>
    public static Value FromF64(double value) => FromF64Bits(BitConverter.DoubleToUInt64Bits(value));

    /// <summary>An f64 value given by its bit pattern.</summary>
    public static Value FromF64Bits(ulong bits) => new(ValueKind.F64, bits, 0, null);

    /// <summary>A v128 value.</summary>
    public static Value FromV128(Vector128<byte> value)
    {
        var lanes = value.AsUInt64();
        return new(ValueKind.V128, lanes.GetElement(0), lanes.GetElement(1), null);
    }

    /// <summary>A funcref value (null is ref.null func).</summary>
    public static Value FromFuncRef(Function? function) => new(ValueKind.FuncRef, 0, 0, function);

    /// <summary>An externref value (null is ref.null extern).</summary>
    public static Value FromExternRef(object? reference) => new(ValueKind.ExternRef, 0, 0, reference);

    /// <summary>The zero value of a numeric type or the null reference of a reference type.</summary>
    public static Value Null(ValueKind kind) => new(kind, 0, 0, null);

    /// <summary>The value as i32.</summary>
    public int AsI32() => (int)(uint)_low;

    /// <summary>The value as i64.</summary>
    public long AsI64() => (long)_low;

    /// <summary>The value as f32.</summary>
    public float AsF32() => BitConverter.UInt32BitsToSingle((uint)_low);

    /// <summary>The bit pattern of an f32 value.</summary>
    public uint AsF32Bits() => (uint)_low;

    /// <summary>The value as f64.</summary>
    public double AsF64() => BitConverter.UInt64BitsToDouble(_low);

    /// <summary>The bit pattern of an f64 value.</summary>
    public ulong AsF64Bits() => _low;

    /// <summary>The value as v128.</summary>
    public Vector128<byte> AsV128() => Vector128.Create(_low, _high).AsByte();

    /// <summary>The function a funcref refers to (null for ref.null).</summary>
    public Function? AsFuncRef() => _reference as Function;

    /// <summary>The object an externref refers to (null for ref.null).</summary>
    public object? AsExternRef() => _reference;

    /// <summary>The reference held by a funcref or externref, untyped.</summary>
    internal object? Reference => _reference;

    /// <summary>Bitwise equality (same kind, same bits, same reference).</summary>
    public bool Equals(Value other) =>
        Kind == other.Kind && _low == other._low && _high == other._high && ReferenceEquals(_reference, other._reference);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Value other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _low, _high, _reference);

    /// <summary>Bitwise equality.</summary>
    public static bool operator ==(Value left, Value right) => left.Equals(right);

    /// <summary>Bitwise inequality.</summary>
    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    /// <summary>The value in WebAssembly text style, e.g. <c>i32:42</c>.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.I32 => "i32:" + AsI32().ToString(CultureInfo.InvariantCulture),
        ValueKind.I64 => "i64:" + AsI64().ToString(CultureInfo.InvariantCulture),
        ValueKind.F32 => "f32:" + AsF32().ToString("R", CultureInfo.InvariantCulture) + $" (0x{AsF32Bits():x8})",
        ValueKind.F64 => "f64:" + AsF64().ToString("R", CultureInfo.InvariantCulture) + $" (0x{AsF64Bits():x16})",
        ValueKind.V128 => $"v128:0x{_high:x16}{_low:x16}",
        ValueKind.FuncRef => _reference is Function f ? $"funcref:{f.Name ?? "function"}" : "funcref:null",
        _ => _reference is null ? "externref:null" : $"externref:{_reference}",
    };
}
