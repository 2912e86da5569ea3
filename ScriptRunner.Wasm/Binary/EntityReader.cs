using System.Text;
using System.Text.Unicode;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Binary;

// The public ScriptRunner.Wasm.FunctionType would otherwise shadow the module model type.
using FunctionType = ScriptRunner.Wasm.Structure.FunctionType;

/// <summary>Decoders for the small binary-format constructs shared by several sections.</summary>
internal static class EntityReader
{
    /// <summary>Reads a length-prefixed UTF-8 name, rejecting ill-formed UTF-8.</summary>
    public static string ReadName(ref CodeReader reader)
    {
        var length = reader.ReadCount();
        var start = reader.Offset;
        var bytes = reader.ReadBytes(length);
        if (!Utf8.IsValid(bytes)) throw reader.ErrorAt("malformed UTF-8 encoding", start);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads <c>0x60 vec(valtype) vec(valtype)</c>.</summary>
    public static FunctionType ReadFunctionType(ref CodeReader reader)
    {
        var start = reader.Offset;
        var form = reader.ReadByte();
        // The form is a one-byte signed LEB128 in the spec's grammar.
        if ((form & 0x80) != 0) throw reader.ErrorAt("integer representation too long", start);
        if (form != 0x60) throw reader.ErrorAt($"malformed function type 0x{form:x2}", start);
        var parameters = ReadValTypes(ref reader);
        var results = ReadValTypes(ref reader);
        return parameters.Length == 0 && results.Length == 0 ? FunctionType.Empty : new FunctionType(parameters, results);
    }

    private static ValType[] ReadValTypes(ref CodeReader reader)
    {
        var count = reader.ReadCount();
        if (count == 0) return [];
        var types = new ValType[count];
        for (var i = 0; i < types.Length; i++) types[i] = reader.ReadValType();
        return types;
    }

    /// <summary>Reads limits: flag 0 (min) or 1 (min, max), the flag being a one-bit LEB128.</summary>
    public static Limits ReadLimits(ref CodeReader reader)
    {
        var start = reader.Offset;
        var flag = reader.ReadByte();
        if ((flag & 0x80) != 0) throw reader.ErrorAt("integer representation too long", start);
        if (flag > 1) throw reader.ErrorAt("integer too large", start);
        var min = reader.ReadU32();
        return flag == 1 ? new Limits(min, reader.ReadU32()) : new Limits(min, null);
    }

    /// <summary>Reads a reference type followed by limits.</summary>
    public static TableType ReadTableType(ref CodeReader reader)
    {
        var elementType = reader.ReadRefType();
        return new TableType(elementType, ReadLimits(ref reader));
    }

    /// <summary>Reads memory limits.</summary>
    public static MemoryType ReadMemoryType(ref CodeReader reader) => new(ReadLimits(ref reader));

    /// <summary>Reads a value type followed by a mutability byte (0 const, 1 var).</summary>
    public static GlobalType ReadGlobalType(ref CodeReader reader)
    {
        var type = reader.ReadValType();
        var start = reader.Offset;
        var mutability = reader.ReadByte();
        if (mutability > 1) throw reader.ErrorAt("malformed mutability", start);
        return new GlobalType(type, mutability == 1);
    }

    /// <summary>
    /// Reads an instruction sequence terminated by <c>end</c>. Any well-encoded instruction is accepted here; the
    /// shape (one constant instruction) is checked by validation, which reports "constant expression required".
    /// </summary>
    public static ConstantExpression ReadConstantExpression(ref CodeReader reader)
    {
        var start = reader.Offset;
        var first = ConstantExpression.I32Const(0, start);
        var count = 0;
        var depth = 0;
        Opcode? nonConstant = null;
        while (true)
        {
            var opcode = reader.ReadOpcode();
            if (opcode == Opcode.End)
            {
                if (depth == 0) break;
                depth--;
            }

            count++;
            ConstantExpression current;
            switch (opcode)
            {
                case Opcode.I32Const:
                    current = ConstantExpression.I32Const(reader.ReadS32(), start);
                    break;
                case Opcode.I64Const:
                    current = ConstantExpression.I64Const(reader.ReadS64(), start);
                    break;
                case Opcode.F32Const:
                    current = ConstantExpression.F32Const(reader.ReadF32Bits(), start);
                    break;
                case Opcode.F64Const:
                    current = ConstantExpression.F64Const(reader.ReadF64Bits(), start);
                    break;
                case Opcode.V128Const:
                    current = ConstantExpression.V128Const(reader.ReadV128(), start);
                    break;
                case Opcode.RefNull:
                    current = ConstantExpression.RefNull(reader.ReadRefType(), start);
                    break;
                case Opcode.RefFunc:
                    current = ConstantExpression.RefFunc(reader.ReadU32(), start);
                    break;
                case Opcode.GlobalGet:
                    current = ConstantExpression.GlobalGet(reader.ReadU32(), start);
                    break;
                default:
                    if (opcode is Opcode.Block or Opcode.Loop or Opcode.If) depth++;
                    reader.SkipImmediates(opcode);
                    nonConstant ??= opcode;
                    continue;
            }

            if (count == 1) first = current;
        }

        return first.WithShape(count, nonConstant);
    }
}
