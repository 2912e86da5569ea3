using System.Collections.Immutable;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>What a quick pre-pass over a body finds out, so the prologue only sets up what the body needs.</summary>
/// <param name="HasCalls">The body calls (so it may recurse and must count depth).</param>
/// <param name="UsesMemory">The body loads, stores or asks the memory size (so it caches base and length).</param>
/// <param name="InstructionCount">Instructions in the body.</param>
/// <param name="LoopSizes">Instructions in each loop's body, in order of the loops' appearance (one iteration's fuel).</param>
internal sealed record FunctionShape(bool HasCalls, bool UsesMemory, int InstructionCount, ImmutableArray<int> LoopSizes)
{
    public bool HasLoops => LoopSizes.Length > 0;

    public static FunctionShape Scan(ReadOnlySpan<byte> code, int offset)
    {
        var reader = new CodeReader(code, offset);
        bool calls = false, memory = false;
        var count = 0;
        var loopSizes = new List<int>();
        var open = new Stack<(bool IsLoop, int Slot, int Start)>();
        while (!reader.AtEnd)
        {
            var opcode = reader.ReadOpcode();
            count++;
            switch (opcode)
            {
                case Opcode.Call or Opcode.CallIndirect:
                    calls = true;
                    break;
                case Opcode.Block or Opcode.If:
                    open.Push((false, 0, count));
                    break;
                case Opcode.Loop:
                    open.Push((true, loopSizes.Count, count));
                    loopSizes.Add(0);
                    break;
                case Opcode.End when open.Count > 0:
                    var (isLoop, slot, start) = open.Pop();
                    if (isLoop)
                    {
                        loopSizes[slot] = count - start;
                    }

                    break;
                case (>= Opcode.I32Load and <= Opcode.MemoryGrow)
                    or (>= Opcode.V128Load and <= Opcode.V128Store)
                    or (>= Opcode.V128Load8Lane and <= Opcode.V128Load64Zero):
                    memory = true;
                    break;
            }

            reader.SkipImmediates(opcode);
        }

        return new FunctionShape(calls, memory, count, [.. loopSizes]);
    }
}
