using System.Reflection.Emit;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>
/// Where a function's WebAssembly locals live: parameters are IL arguments, declared locals IL locals. A function
/// declaring more locals than fit a modest native frame keeps the surplus in arrays allocated per call instead, so
/// no single frame can be big enough to jump past the native stack guard between two stack checks.
/// </summary>
internal sealed class LocalStorage
{
    // Declared locals kept in IL locals before the rest spill to arrays (about 2 KiB of frame).
    private const int InFrame = 256;

    // Functions declaring up to this many locals keep them all in the frame.
    private const int SpillThreshold = 1024;

    private readonly IlWriter _il;
    private readonly ValType[] _types;
    private readonly int _parameters;
    private readonly IlLocal?[] _locals;
    private readonly (Type Element, int Slot)[] _spilled;
    private readonly Dictionary<Type, (IlLocal Array, int Count)> _arrays = [];

    public LocalStorage(IlWriter il, ValType[] parameters, IEnumerable<LocalRun> declared)
    {
        _il = il;
        _parameters = parameters.Length;
        _types = [.. parameters, .. declared.SelectMany(run => Enumerable.Repeat(run.Type, (int)run.Count))];
        _locals = new IlLocal?[_types.Length];
        _spilled = new (Type, int)[_types.Length];
        var spill = _types.Length - _parameters > SpillThreshold;
        var counts = new Dictionary<Type, int>();
        for (var i = _parameters; i < _types.Length; i++)
        {
            var type = FunctionCompiler.ClrType(_types[i]);
            if (spill && i - _parameters >= InFrame)
            {
                var slot = counts.GetValueOrDefault(type);
                counts[type] = slot + 1;
                _spilled[i] = (type, slot);
            }
            else
            {
                // Declared up front, in order: IL locals are zero-initialised like WebAssembly locals.
                _locals[i] = il.DeclareLocal(type);
            }
        }

        var spilledBytes = 0;
        foreach (var (type, count) in counts)
        {
            spilledBytes += count * (type == typeof(System.Runtime.Intrinsics.Vector128<byte>) ? 16 : 8);
            _arrays[type] = (il.DeclareLocal(type.MakeArrayType()), count);
        }

        DepthWeight = 1 + (spilledBytes / 1024);
    }

    public ValType Type(uint index) => _types[index];

    /// <summary>
    /// How many call-depth units a call of this function counts for: one, plus one per KiB of spilled locals, so
    /// recursion through such functions cannot pile up unbounded heap under the call depth limit.
    /// </summary>
    public int DepthWeight { get; }

    /// <summary>Allocates the spill arrays (zeroed), at function entry.</summary>
    public void EmitAllocation()
    {
        foreach (var (type, (array, count)) in _arrays)
        {
            _il.Emit(OpCodes.Ldc_I4, count);
            _il.Emit(OpCodes.Newarr, type);
            _il.Emit(OpCodes.Stloc, array);
        }
    }

    public void EmitGet(uint index)
    {
        if (index < _parameters)
        {
            _il.Emit(OpCodes.Ldarg, (short)index);
        }
        else if (_locals[index] is { } local)
        {
            _il.Emit(OpCodes.Ldloc, local);
        }
        else
        {
            var (type, slot) = _spilled[index];
            _il.Emit(OpCodes.Ldloc, _arrays[type].Array);
            _il.Emit(OpCodes.Ldc_I4, slot);
            _il.Emit(OpCodes.Ldelem, type);
        }
    }

    /// <summary>Stores the value on top of the stack; <paramref name="scratch"/> holds it while the array is loaded.</summary>
    public void EmitSet(uint index, Func<Type, IlLocal> scratch)
    {
        if (index < _parameters)
        {
            _il.Emit(OpCodes.Starg, (short)index);
        }
        else if (_locals[index] is { } local)
        {
            _il.Emit(OpCodes.Stloc, local);
        }
        else
        {
            var (type, slot) = _spilled[index];
            var value = scratch(type);
            _il.Emit(OpCodes.Stloc, value);
            _il.Emit(OpCodes.Ldloc, _arrays[type].Array);
            _il.Emit(OpCodes.Ldc_I4, slot);
            _il.Emit(OpCodes.Ldloc, value);
            _il.Emit(OpCodes.Stelem, type);
        }
    }
}
