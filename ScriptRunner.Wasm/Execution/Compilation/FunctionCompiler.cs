using System.Reflection;
using System.Reflection.Emit;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution.Instructions.Control;
using ScriptRunner.Wasm.Execution.Instructions.Memory;
using ScriptRunner.Wasm.Execution.Instructions.Numeric;
using ScriptRunner.Wasm.Execution.Instructions.Parametric;
using ScriptRunner.Wasm.Execution.Instructions.Reference;
using ScriptRunner.Wasm.Execution.Instructions.Table;
using ScriptRunner.Wasm.Execution.Instructions.Variable;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>
/// Translates one validated function body into the IL of its static method in a single pass. The WebAssembly
/// operand stack maps onto the IL evaluation stack; this class tracks its types, the control frames, reachability
/// (dead code after br/return/unreachable is skipped, never emitted) and the per-function locals generated code
/// keeps: the instance context, the execution state and the memory base and length.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private readonly List<ValType> _stack = [];
    private readonly List<ControlFrame> _frames = [];
    private readonly Dictionary<(Type, int), IlLocal> _scratch = [];
    private readonly LocalStorage _locals;
    private readonly int _parameterCount;
    private readonly FunctionBody _body;
    private readonly FunctionShape _shape;
    private int _maxHeight;
    private double _constant;
    private int _constantInstruction = -2;
    private bool _unreachable;
    private int _deadDepth;
    private int _loopOrdinal;

    public FunctionCompiler(CompilationContext context, uint functionIndex, MethodBuilder method)
    {
        Context = context;
        Type = context.FunctionType(functionIndex);
        _body = context.Module.GetBody(functionIndex);
        IL = new IlWriter(method.GetILGenerator(Math.Max(64, _body.CodeLength * 3)), context.Tokens);
        _parameterCount = Type.Params.Length;
        _locals = new LocalStorage(IL, Type.Params, _body.Locals);
        _shape = FunctionShape.Scan(context.Module.GetCode(_body), _body.CodeOffset);
    }

    public CompilationContext Context { get; }

    public Structure.FunctionType Type { get; }

    public IlWriter IL { get; }

    /// <summary>The InstanceContext, cast once from the trailing argument.</summary>
    public IlLocal Ctx { get; private set; } = null!;

    /// <summary>The store's ExecutionState (only in functions that call or loop).</summary>
    public IlLocal? Exec { get; private set; }

    /// <summary>Cached memory base pointer (only in functions that access memory directly).</summary>
    public IlLocal? MemoryBase { get; private set; }

    /// <summary>Cached memory length in bytes, as ulong.</summary>
    public IlLocal? MemoryLength { get; private set; }

    public IReadOnlyList<ControlFrame> Frames => _frames;

    /// <summary>Instructions compiled so far (reachable ones), used to weigh loop iterations for fuel.</summary>
    public int InstructionCount { get; private set; }

    public int StackHeight => _stack.Count;

    /// <summary>
    /// The value of the float constant pushed by the previous instruction, if it was one. Lets arithmetic with
    /// identity constants avoid JIT folds that drop NaN quieting.
    /// </summary>
    public double? PreviousConstant => _constantInstruction == InstructionCount - 1 ? _constant : null;

    /// <summary>Notes that the current instruction pushed a float constant.</summary>
    public void RecordConstant(double value)
    {
        _constant = value;
        _constantInstruction = InstructionCount;
    }

    public void Compile()
    {
        EmitPrologue();
        var reader = new CodeReader(Context.Module.GetCode(_body), _body.CodeOffset);
        while (!reader.AtEnd)
        {
            var opcode = reader.ReadOpcode();
            if (_unreachable)
            {
                SkipDead(opcode, ref reader);
                continue;
            }

            InstructionCount++;
            Emit(opcode, ref reader);
        }

        // Within one instruction the IL stack grows at most a few slots past the operand stack.
        IL.Finish(_maxHeight + 32);
    }

    private void Emit(Opcode opcode, ref CodeReader reader)
    {
        if (ControlEmitter.TryEmit(this, opcode, ref reader)
            || NumericEmitter.TryEmit(this, opcode, ref reader)
            || VariableEmitter.TryEmit(this, opcode, ref reader)
            || MemoryEmitter.TryEmit(this, opcode, ref reader)
            || ParametricEmitter.TryEmit(this, opcode, ref reader)
            || ReferenceEmitter.TryEmit(this, opcode, ref reader)
            || TableEmitter.TryEmit(this, opcode, ref reader)
            || VectorEmitter.TryEmit(this, opcode, ref reader))
        {
            return;
        }

        throw new InvalidOperationException($"No code generation for {opcode}.");
    }

    private void SkipDead(Opcode opcode, ref CodeReader reader)
    {
        switch (opcode)
        {
            case Opcode.Block or Opcode.Loop or Opcode.If:
                reader.ReadBlockType();
                _deadDepth++;
                if (opcode == Opcode.Loop)
                {
                    _loopOrdinal++;
                }

                break;
            case Opcode.Else when _deadDepth == 0:
                ControlEmitter.EmitElse(this);
                break;
            case Opcode.End when _deadDepth == 0:
                ControlEmitter.EmitEnd(this);
                break;
            case Opcode.End:
                _deadDepth--;
                break;
            default:
                reader.SkipImmediates(opcode);
                break;
        }
    }

    // ---- operand stack ----

    public void Push(ValType type)
    {
        _stack.Add(type);
        _maxHeight = Math.Max(_maxHeight, _stack.Count);
    }

    public ValType Pop()
    {
        var type = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return type;
    }

    public void Pop(int count) => _stack.RemoveRange(_stack.Count - count, count);

    public ValType Peek(int depth = 0) => _stack[_stack.Count - 1 - depth];

    /// <summary>Cuts the operand stack to <paramref name="height"/> and pushes <paramref name="types"/>.</summary>
    public void ResetStack(int height, ValType[] types)
    {
        _stack.RemoveRange(height, _stack.Count - height);
        _stack.AddRange(types);
        _maxHeight = Math.Max(_maxHeight, _stack.Count);
    }

    public bool Unreachable
    {
        get => _unreachable;
        set => _unreachable = value;
    }

    // ---- control frames ----

    public void PushFrame(ControlFrame frame) => _frames.Add(frame);

    public ControlFrame PopFrame()
    {
        var frame = _frames[^1];
        _frames.RemoveAt(_frames.Count - 1);
        return frame;
    }

    /// <summary>The frame a branch with label index <paramref name="depth"/> refers to.</summary>
    public ControlFrame Frame(uint depth) => _frames[_frames.Count - 1 - (int)depth];

    // ---- locals ----

    public ValType LocalType(uint index) => _locals.Type(index);

    public void EmitLocalGet(uint index) => _locals.EmitGet(index);

    public void EmitLocalSet(uint index) => _locals.EmitSet(index, type => Scratch(type, 4));

    /// <summary>A short-lived local of a CLR type; <paramref name="slot"/> separates simultaneously live ones.</summary>
    public IlLocal Scratch(Type type, int slot = 0)
    {
        if (!_scratch.TryGetValue((type, slot), out var local))
        {
            local = IL.DeclareLocal(type);
            _scratch.Add((type, slot), local);
        }

        return local;
    }

    public IlLocal Scratch(ValType type, int slot = 0) => Scratch(ClrType(type), slot);

    public static Type ClrType(ValType type) => Abi.ClrType(ToKind(type));

    public static ValueKind ToKind(ValType type) => type switch
    {
        ValType.I32 => ValueKind.I32,
        ValType.I64 => ValueKind.I64,
        ValType.F32 => ValueKind.F32,
        ValType.F64 => ValueKind.F64,
        ValType.V128 => ValueKind.V128,
        ValType.FuncRef => ValueKind.FuncRef,
        _ => ValueKind.ExternRef,
    };

    public static ValType FromClr(Type type) =>
        type == typeof(int) ? ValType.I32
        : type == typeof(long) ? ValType.I64
        : type == typeof(float) ? ValType.F32
        : type == typeof(double) ? ValType.F64
        : type == typeof(System.Runtime.Intrinsics.Vector128<byte>) ? ValType.V128
        : throw new ArgumentException($"No value type for {type}.", nameof(type));

    // ---- emission helpers ----

    public void EmitContextField(FieldInfo field)
    {
        IL.Emit(OpCodes.Ldloc, Ctx);
        IL.Emit(OpCodes.Ldfld, field);
    }

    /// <summary>Throws the trap made by <paramref name="factory"/> (a static method returning TrapException).</summary>
    public void EmitThrow(MethodInfo factory)
    {
        IL.Emit(OpCodes.Call, factory);
        IL.Emit(OpCodes.Throw);
    }

    public void EmitTrap(TrapKind kind)
    {
        IL.Emit(OpCodes.Ldc_I4, (int)kind);
        EmitThrow(Members.TrapCreate);
    }

    /// <summary>
    /// Turns the i32 address on the stack into a native pointer to <paramref name="size"/> bytes at
    /// address + <paramref name="offset"/>, trapping when they are not all inside the memory. The sum is computed in
    /// 64 bits so it cannot wrap.
    /// </summary>
    public void EmitEffectiveAddress(uint offset, int size)
    {
        var address = Scratch(typeof(ulong));
        var ok = IL.DefineLabel();
        IL.Emit(OpCodes.Conv_U8);
        if (offset != 0)
        {
            IL.Emit(OpCodes.Ldc_I8, (long)offset);
            IL.Emit(OpCodes.Add);
        }

        IL.Emit(OpCodes.Stloc, address);
        IL.Emit(OpCodes.Ldloc, address);
        IL.Emit(OpCodes.Ldc_I8, (long)size);
        IL.Emit(OpCodes.Add);
        IL.Emit(OpCodes.Ldloc, MemoryLength!);
        IL.Emit(OpCodes.Ble_Un, ok);
        EmitThrow(Members.TrapMemoryOutOfBounds);
        IL.MarkLabel(ok);
        IL.Emit(OpCodes.Ldloc, MemoryBase!);
        IL.Emit(OpCodes.Ldloc, address);
        IL.Emit(OpCodes.Conv_U);
        IL.Emit(OpCodes.Add);
    }

    /// <summary>Refreshes the cached memory base and length after anything that may have grown or moved it.</summary>
    public void ReloadMemory()
    {
        if (MemoryBase is null)
        {
            return;
        }

        var memory = Scratch(typeof(Memory));
        EmitContextField(Members.ContextMemory);
        IL.Emit(OpCodes.Stloc, memory);
        IL.Emit(OpCodes.Ldloc, memory);
        IL.Emit(OpCodes.Ldfld, Members.MemoryBase);
        IL.Emit(OpCodes.Stloc, MemoryBase);
        IL.Emit(OpCodes.Ldloc, memory);
        IL.Emit(OpCodes.Ldfld, Members.MemoryLength);
        IL.Emit(OpCodes.Stloc, MemoryLength!);
    }

    /// <summary>Fuel weight of one iteration of the next loop (its body's instruction count, capped).</summary>
    public int NextLoopWeight() => Math.Min(_shape.LoopSizes[_loopOrdinal++], 1000);
}
