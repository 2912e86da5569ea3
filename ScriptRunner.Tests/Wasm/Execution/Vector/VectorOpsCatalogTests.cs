using System.Reflection;
using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Execution.Instructions.Vector;
using ScriptRunner.Wasm.Structure;
using ScriptRunner.Wasm.Validation;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

/// <summary>
/// The compiler binds opcodes to VectorOps by name and reads the parameter list as "operands, then immediates";
/// these tests pin that contract for every v128 opcode.
/// </summary>
public sealed class VectorOpsCatalogTests
{
    private static readonly Opcode[] VectorOpcodes = Enum.GetValues<Opcode>().Where(o => o.IsVector()).ToArray();

    private static readonly MethodInfo[] PublicMethods =
        typeof(VectorOps).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);

    // Memory instructions whose loaded bits need reshaping get a helper named like the opcode.
    private static readonly Dictionary<Opcode, Type> LoadHelperParameter = new()
    {
        [Opcode.V128Load8x8S] = typeof(ulong),
        [Opcode.V128Load8x8U] = typeof(ulong),
        [Opcode.V128Load16x4S] = typeof(ulong),
        [Opcode.V128Load16x4U] = typeof(ulong),
        [Opcode.V128Load32x2S] = typeof(ulong),
        [Opcode.V128Load32x2U] = typeof(ulong),
        [Opcode.V128Load8Splat] = typeof(byte),
        [Opcode.V128Load16Splat] = typeof(ushort),
        [Opcode.V128Load32Splat] = typeof(uint),
        [Opcode.V128Load64Splat] = typeof(ulong),
        [Opcode.V128Load32Zero] = typeof(uint),
        [Opcode.V128Load64Zero] = typeof(ulong),
    };

    [Fact]
    public void EveryNonMemoryVectorOpcode_ExceptConst_HasExactlyOnePublicMethod()
    {
        var missingOrOverloaded = VectorOpcodes
            .Where(o => !IsMemory(o) && o != Opcode.V128Const)
            .Where(o => PublicMethods.Count(m => m.Name == o.ToString()) != 1)
            .ToList();

        Assert.Empty(missingOrOverloaded);
    }

    [Fact]
    public void GetMethodByOpcodeName_FindsTheMethod_AsTheCompilerLooksItUp()
    {
        foreach (var opcode in VectorOpcodes.Where(o => !IsMemory(o) && o != Opcode.V128Const))
        {
            Assert.NotNull(typeof(VectorOps).GetMethod(opcode.ToString()));
        }
    }

    [Fact]
    public void EveryPublicMethod_IsNamedAfterAVectorOpcode()
    {
        var names = VectorOpcodes.Select(o => o.ToString()).ToHashSet();

        Assert.Empty(PublicMethods.Where(m => !names.Contains(m.Name)).Select(m => m.Name));
    }

    [Fact]
    public void EveryReshapingLoad_HasOneHelperTakingTheLoadedBits()
    {
        foreach (var (opcode, bitsType) in LoadHelperParameter)
        {
            var method = Assert.Single(PublicMethods, m => m.Name == opcode.ToString());
            Assert.Equal([bitsType], method.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(Vector128<byte>), method.ReturnType);
        }
    }

    [Fact]
    public void NoHelper_ForPlainLoadStoreConstOrLaneMemoryOps()
    {
        var withoutHelper = VectorOpcodes.Where(o => o == Opcode.V128Const || (IsMemory(o) && !LoadHelperParameter.ContainsKey(o)));

        Assert.Empty(PublicMethods.Where(m => withoutHelper.Any(o => o.ToString() == m.Name)).Select(m => m.Name));
    }

    [Fact]
    public void Signatures_AreOperandStackValuesThenImmediates()
    {
        var mismatches = new List<string>();
        foreach (var opcode in VectorOpcodes.Where(o => !IsMemory(o) && o != Opcode.V128Const))
        {
            var method = typeof(VectorOps).GetMethod(opcode.ToString())!;
            var (parameters, result) = ExpectedSignature(opcode);
            var actual = method.GetParameters().Select(p => p.ParameterType).ToArray();
            if (!actual.SequenceEqual(parameters) || method.ReturnType != result)
            {
                mismatches.Add($"{opcode}: ({string.Join(", ", actual.Select(t => t.Name))}) -> {method.ReturnType.Name}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void ImmediateParameters_AreNamedLaneOrLanes_AndNoOperandIs()
    {
        // The compiler tells immediates from operands by these names: "lane" (one byte) and "lanes" (shuffle).
        foreach (var opcode in VectorOpcodes.Where(o => !IsMemory(o) && o != Opcode.V128Const))
        {
            var parameters = typeof(VectorOps).GetMethod(opcode.ToString())!.GetParameters();
            var expected = opcode.GetImmediateKind() switch
            {
                ImmediateKind.LaneIndex => "lane",
                ImmediateKind.Shuffle => "lanes",
                _ => null,
            };
            var immediates = parameters.Where(p => p.Name is "lane" or "lanes").ToArray();

            if (expected is null)
            {
                Assert.Empty(immediates);
            }
            else
            {
                Assert.Equal(expected, Assert.Single(immediates).Name);
                Assert.Same(parameters[^1], immediates[0]);
            }
        }
    }

    [Fact]
    public void OperandAndResultTypes_MatchTheValidatorsTyping()
    {
        var mismatches = new List<string>();

        // i8x16.shuffle is typed by the validator together with its 16-byte immediate; its shape is pinned above.
        foreach (var opcode in VectorOpcodes.Where(o => !IsMemory(o) && o != Opcode.V128Const && o != Opcode.I8x16Shuffle))
        {
            var method = typeof(VectorOps).GetMethod(opcode.ToString())!;
            if (!OperatorSignatures.TryGet(opcode, out var typing))
            {
                mismatches.Add($"{opcode}: no validator typing");
                continue;
            }

            var operands = new[] { typing.First, typing.Second, typing.Third }.Take(typing.Arity).Select(ClrType);
            var stackParameters = method.GetParameters().Take(typing.Arity).Select(p => p.ParameterType);
            if (!stackParameters.SequenceEqual(operands) || method.ReturnType != ClrType(typing.Result))
            {
                mismatches.Add(opcode.ToString());
            }
        }

        Assert.Empty(mismatches);
    }

    private static bool IsMemory(Opcode opcode) =>
        opcode.GetImmediateKind() is ImmediateKind.MemArg or ImmediateKind.MemArgLane;

    // Derived independently from the spec mnemonic: the shape prefix and the instruction family.
    private static (Type[] Parameters, Type Result) ExpectedSignature(Opcode opcode)
    {
        var mnemonic = opcode.Mnemonic();
        var shape = mnemonic[..mnemonic.IndexOf('.')];
        var name = mnemonic[(mnemonic.IndexOf('.') + 1)..];
        var v128 = typeof(Vector128<byte>);
        var scalar = shape switch
        {
            "i64x2" => typeof(long),
            "f32x4" => typeof(float),
            "f64x2" => typeof(double),
            _ => typeof(int),
        };

        if (opcode == Opcode.I8x16Shuffle)
        {
            return ([v128, v128, v128], v128);
        }

        return name switch
        {
            "splat" => ([scalar], v128),
            _ when name.StartsWith("extract_lane", StringComparison.Ordinal) => ([v128, typeof(byte)], scalar),
            "replace_lane" => ([v128, scalar, typeof(byte)], v128),
            "shl" or "shr_s" or "shr_u" => ([v128, typeof(int)], v128),
            "any_true" or "all_true" or "bitmask" => ([v128], typeof(int)),
            "bitselect" => ([v128, v128, v128], v128),
            _ when IsUnary(name) => ([v128], v128),
            _ => ([v128, v128], v128),
        };
    }

    private static bool IsUnary(string name) =>
        name is "not" or "abs" or "neg" or "popcnt" or "sqrt" or "ceil" or "floor" or "trunc" or "nearest"
        || name.StartsWith("extend_", StringComparison.Ordinal)
        || name.StartsWith("extadd_pairwise", StringComparison.Ordinal)
        || name.StartsWith("convert_", StringComparison.Ordinal)
        || name.StartsWith("trunc_sat", StringComparison.Ordinal)
        || name.StartsWith("demote", StringComparison.Ordinal)
        || name.StartsWith("promote", StringComparison.Ordinal);

    private static Type ClrType(ValType type) => type switch
    {
        ValType.I32 => typeof(int),
        ValType.I64 => typeof(long),
        ValType.F32 => typeof(float),
        ValType.F64 => typeof(double),
        ValType.V128 => typeof(Vector128<byte>),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a value type of a vector instruction"),
    };
}
