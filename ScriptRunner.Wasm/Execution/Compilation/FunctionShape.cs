using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>What a quick pre-pass over a body finds out, so the prologue only sets up what the body needs.</summary>
internal readonly record struct FunctionShape(bool HasCalls, bool HasLoops, bool UsesMemory, int InstructionCount)
{
    public static FunctionShape Scan(ReadOnlySpan<byte> code, int offset)
    {
        var reader = new CodeReader(code, offset);
        bool calls = false, loops = false, memory = false;
        var count = 0;
        while (!reader.AtEnd)
        {
            var opcode = reader.ReadOpcode();
            count++;
            switch (opcode)
            {
                case Opcode.Call or Opcode.CallIndirect:
                    calls = true;
                    break;
                case Opcode.Loop:
                    loops = true;
                    break;
                case (>= Opcode.I32Load and <= Opcode.MemoryGrow)
                    or (>= Opcode.V128Load and <= Opcode.V128Store)
                    or (>= Opcode.V128Load8Lane and <= Opcode.V128Load64Zero):
                    memory = true;
                    break;
            }

            reader.SkipImmediates(opcode);
        }

        return new FunctionShape(calls, loops, memory, count);
    }
}
