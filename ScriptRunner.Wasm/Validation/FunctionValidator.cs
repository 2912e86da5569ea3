using System.Runtime.CompilerServices;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Validation;

// The public ScriptRunner.Wasm.FunctionType would otherwise shadow the module model type.
using FunctionType = ScriptRunner.Wasm.Structure.FunctionType;

/// <summary>
/// Validates function bodies with the operand/control stack algorithm of the spec's validation appendix,
/// including the polymorphic stack after unconditional branches. One instance validates all bodies of a module
/// and reuses its stacks, so validation does not allocate per instruction.
/// </summary>
internal sealed partial class FunctionValidator
{
    /// <summary>The bottom type of the spec algorithm: an operand of unknown type on a polymorphic stack.</summary>
    private const ValType Unknown = 0;

    private readonly ValidationContext context;
    private readonly ModuleDefinition module;
    private readonly ValType[]?[] singleTypes = new ValType[]?[128];
    private ValType[] values = new ValType[64];
    private int valueCount;
    private ControlFrame[] frames = new ControlFrame[16];
    private int frameCount;
    private ValType[] locals = new ValType[16];
    private int localCount;
    private uint[] branchTargets = new uint[16];
    private int maxValueCount;
    private int maxFrameCount;
    private uint functionIndex;
    private int instructionOffset;
    private Opcode opcode;

    public FunctionValidator(ValidationContext context)
    {
        this.context = context;
        module = context.Module;
    }

    private struct ControlFrame
    {
        public Opcode Opcode;
        public ValType[] StartTypes;
        public ValType[] EndTypes;
        public int Height;
        public bool Unreachable;

        public readonly ValType[] LabelTypes => Opcode == Opcode.Loop ? StartTypes : EndTypes;
    }

    /// <summary>Validates the body of the function at <paramref name="index"/> (function index space).</summary>
    public FunctionFacts Validate(uint index, FunctionBody body)
    {
        functionIndex = index;
        instructionOffset = body.CodeOffset;
        opcode = Opcode.Block;
        var type = module.GetFunctionType(index);
        SetUpLocals(type, body);
        valueCount = 0;
        frameCount = 0;
        maxValueCount = 0;
        maxFrameCount = 0;
        PushFrame(Opcode.Block, [], type.Results);

        var reader = new CodeReader(module.GetCode(body), body.CodeOffset);
        while (!reader.AtEnd)
        {
            instructionOffset = reader.Offset;
            opcode = reader.ReadOpcode();
            ValidateInstruction(ref reader);
            if (frameCount == 0)
            {
                if (!reader.AtEnd) throw CompileException.Malformed("section size mismatch", reader.Offset, "code");
                return new FunctionFacts(maxValueCount, maxFrameCount);
            }
        }

        var atModuleEnd = body.CodeOffset + body.CodeLength == module.Bytes.Length;
        throw CompileException.Malformed(
            atModuleEnd ? "unexpected end of section or function" : "END opcode expected", reader.Offset, "code");
    }

    private void SetUpLocals(FunctionType type, FunctionBody body)
    {
        var total = type.Params.Length + body.LocalCount;
        if (locals.Length < total) locals = new ValType[Math.Max(total, locals.Length * 2)];
        type.Params.CopyTo(locals, 0);
        var next = type.Params.Length;
        foreach (var run in body.Locals)
        {
            locals.AsSpan(next, (int)run.Count).Fill(run.Type);
            next += (int)run.Count;
        }

        localCount = total;
    }

    private CompileException Invalid(string reason) =>
        CompileException.Invalid(reason, instructionOffset, "code", "function " + functionIndex);

    private CompileException TypeMismatch(ValType expected, ValType actual) =>
        Invalid($"type mismatch in {opcode.Mnemonic()}: expected {Describe(expected)} but got {Describe(actual)}");

    private CompileException EmptyStack(ValType expected) =>
        Invalid($"type mismatch in {opcode.Mnemonic()}: expected {Describe(expected)} but the stack is empty");

    private static string Describe(ValType type) => type == Unknown ? "a value" : type.Name();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(ValType type)
    {
        if (valueCount == values.Length) Array.Resize(ref values, values.Length * 2);
        values[valueCount++] = type;
        if (valueCount > maxValueCount) maxValueCount = valueCount;
    }

    private void PushValues(ValType[] types)
    {
        foreach (var type in types) Push(type);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ValType Pop()
    {
        ref var frame = ref frames[frameCount - 1];
        if (valueCount == frame.Height)
        {
            if (frame.Unreachable) return Unknown;
            throw EmptyStack(Unknown);
        }

        return values[--valueCount];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Pop(ValType expected)
    {
        ref var frame = ref frames[frameCount - 1];
        if (valueCount == frame.Height)
        {
            if (frame.Unreachable) return;
            throw EmptyStack(expected);
        }

        var actual = values[--valueCount];
        if (actual != expected && actual != Unknown) throw TypeMismatch(expected, actual);
    }

    private void PopValues(ValType[] types)
    {
        for (var i = types.Length - 1; i >= 0; i--) Pop(types[i]);
    }

    /// <summary>Checks that the stack top matches <paramref name="types"/> without changing the stack.</summary>
    private void CheckTopValues(ValType[] types)
    {
        ref var frame = ref frames[frameCount - 1];
        for (var k = 0; k < types.Length; k++)
        {
            var expected = types[types.Length - 1 - k];
            var position = valueCount - 1 - k;
            if (position < frame.Height)
            {
                if (frame.Unreachable) return;
                throw EmptyStack(expected);
            }

            var actual = values[position];
            if (actual != expected && actual != Unknown) throw TypeMismatch(expected, actual);
        }
    }

    private void PushFrame(Opcode kind, ValType[] startTypes, ValType[] endTypes)
    {
        if (frameCount == frames.Length) Array.Resize(ref frames, frames.Length * 2);
        frames[frameCount++] = new ControlFrame
        {
            Opcode = kind,
            StartTypes = startTypes,
            EndTypes = endTypes,
            Height = valueCount,
        };
        if (frameCount > maxFrameCount) maxFrameCount = frameCount;
        PushValues(startTypes);
    }

    private ControlFrame PopFrame()
    {
        var frame = frames[frameCount - 1];
        PopValues(frame.EndTypes);
        if (valueCount != frame.Height)
        {
            throw Invalid($"type mismatch in {opcode.Mnemonic()}: {valueCount - frame.Height} unexpected value(s) " +
                          "left on the stack at the end of the block");
        }

        frameCount--;
        return frame;
    }

    private void SetUnreachable()
    {
        ref var frame = ref frames[frameCount - 1];
        valueCount = frame.Height;
        frame.Unreachable = true;
    }

    private ref ControlFrame Label(uint depth)
    {
        if (depth >= (uint)frameCount) throw Invalid($"unknown label {depth}");
        return ref frames[frameCount - 1 - (int)depth];
    }

    private ValType[] Single(ValType type) => singleTypes[(byte)type] ??= [type];

    private (ValType[] Params, ValType[] Results) BlockSignature(BlockType blockType)
    {
        switch (blockType.Kind)
        {
            case BlockTypeKind.Empty:
                return ([], []);
            case BlockTypeKind.Value:
                return ([], Single(blockType.ValType));
            default:
                var type = FunctionTypeAt(blockType.TypeIndex);
                return (type.Params, type.Results);
        }
    }

    private FunctionType FunctionTypeAt(uint typeIndex)
    {
        if (typeIndex >= (uint)module.Types.Length) throw Invalid($"unknown type {typeIndex}");
        return module.Types[(int)typeIndex];
    }
}
