using System.Reflection;
using System.Runtime.CompilerServices;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>Reflection handles of the runtime members generated code touches.</summary>
internal static class Members
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static readonly MethodInfo AsContext = Method(typeof(Members), nameof(ToContext));

    public static readonly FieldInfo ContextExecution = Field<InstanceContext>(nameof(InstanceContext.Execution));
    public static readonly FieldInfo ContextMemory = Field<InstanceContext>(nameof(InstanceContext.Memory));
    public static readonly FieldInfo ContextFunctions = Field<InstanceContext>(nameof(InstanceContext.Functions));
    public static readonly FieldInfo ContextCallees = Field<InstanceContext>(nameof(InstanceContext.Callees));
    public static readonly FieldInfo ContextTables = Field<InstanceContext>(nameof(InstanceContext.Tables));
    public static readonly FieldInfo ContextGlobals = Field<InstanceContext>(nameof(InstanceContext.Globals));

    public static readonly FieldInfo MemoryBase = Field<Memory>(nameof(Memory.Base));
    public static readonly FieldInfo MemoryLength = Field<Memory>(nameof(Memory.ByteLength));

    public static readonly FieldInfo ExecutionCounter = Field<ExecutionState>(nameof(ExecutionState.Counter));
    public static readonly FieldInfo ExecutionDepth = Field<ExecutionState>(nameof(ExecutionState.Depth));
    public static readonly FieldInfo ExecutionMaxDepth = Field<ExecutionState>(nameof(ExecutionState.MaxDepth));
    public static readonly FieldInfo ExecutionStackLimit = Field<ExecutionState>(nameof(ExecutionState.StackLimit));
    public static readonly MethodInfo ExecutionCounterExhausted = Method<ExecutionState>(nameof(ExecutionState.CounterExhausted));
    public static readonly MethodInfo ExecutionOnStackLimit = Method<ExecutionState>(nameof(ExecutionState.OnStackLimit));
    public static readonly MethodInfo ExecutionCallStackExhausted = Method<ExecutionState>(nameof(ExecutionState.CallStackExhausted));

    public static readonly MethodInfo FunctionTarget = typeof(Function).GetProperty(nameof(Function.Target), Any)!.GetMethod!;
    public static readonly MethodInfo FunctionCode = typeof(Function).GetProperty(nameof(Function.Code), Any)!.GetMethod!;

    public static readonly MethodInfo TrapCreate = Method(typeof(Traps), nameof(Traps.Create));
    public static readonly MethodInfo TrapMemoryOutOfBounds = Method(typeof(Traps), nameof(Traps.MemoryOutOfBounds));

    public static FieldInfo GlobalField(ValueKind kind) => kind switch
    {
        ValueKind.I32 => Field<Global>(nameof(Global.I32)),
        ValueKind.I64 => Field<Global>(nameof(Global.I64)),
        ValueKind.F32 => Field<Global>(nameof(Global.F32)),
        ValueKind.F64 => Field<Global>(nameof(Global.F64)),
        ValueKind.V128 => Field<Global>(nameof(Global.V128)),
        _ => Field<Global>(nameof(Global.Ref)),
    };

    /// <summary>The trailing argument of a compiled function is always its InstanceContext; no type check needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static InstanceContext ToContext(object target) => Unsafe.As<InstanceContext>(target);

    public static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name, Any) ?? throw new MissingMethodException(type.Name, name);

    private static FieldInfo Field<T>(string name) =>
        typeof(T).GetField(name, Any) ?? throw new MissingFieldException(typeof(T).Name, name);

    private static MethodInfo Method<T>(string name) => Method(typeof(T), name);
}
