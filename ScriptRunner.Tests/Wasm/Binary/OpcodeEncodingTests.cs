using ScriptRunner.Tests.Support;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Tests.Wasm.Binary;

public sealed class OpcodeEncodingTests
{
    [Fact]
    public void OpcodeEnum_HasEveryWebAssembly2Instruction()
    {
        var values = Enum.GetValues<Opcode>();

        Assert.Equal(183, values.Count(v => (int)v <= 0xFF));
        Assert.Equal(18, values.Count(v => ((int)v >> 8) == 0xFC));
        Assert.Equal(236, values.Count(v => ((int)v >> 8) == 0xFD));
    }

    [Fact]
    public void OpcodeEnum_MatchesTheEncodingProducedByWat2Wasm()
    {
        var expected = new List<Opcode>();
        var text = new List<string>();
        foreach (var opcode in Enum.GetValues<Opcode>())
        {
            switch (opcode)
            {
                case Opcode.Else or Opcode.End:
                    continue;
                case Opcode.Block or Opcode.Loop:
                    text.Add(opcode.Mnemonic() + " end");
                    expected.AddRange([opcode, Opcode.End]);
                    continue;
                case Opcode.If:
                    text.Add("if nop else nop end");
                    expected.AddRange([Opcode.If, Opcode.Nop, Opcode.Else, Opcode.Nop, Opcode.End]);
                    continue;
            }

            text.Add(opcode.Mnemonic() + Immediates(opcode));
            expected.Add(opcode);
        }

        var bytes = WatCompiler.Compile($$"""
            (module
              (type (func))
              (memory 1) (table 1 funcref) (global (mut i32) (i32.const 0))
              (data "x") (elem func 0)
              (func (local i32)
                {{string.Join("\n", text)}}))
            """, check: false);
        var module = ModuleReader.Read(bytes);
        var code = module.GetCode(module.Code[0]);
        var reader = new CodeReader(code, module.Code[0].CodeOffset);
        var actual = new List<Opcode>();
        while (!reader.AtEnd)
        {
            var opcode = reader.ReadOpcode();
            actual.Add(opcode);
            reader.SkipImmediates(opcode);
        }

        Assert.Equal(expected, actual.Take(actual.Count - 1));
    }

    private static string Immediates(Opcode opcode) => opcode.GetImmediateKind() switch
    {
        ImmediateKind.LabelIndex or ImmediateKind.FunctionIndex or ImmediateKind.LocalIndex
            or ImmediateKind.GlobalIndex or ImmediateKind.TableIndex or ImmediateKind.DataIndex
            or ImmediateKind.ElemIndex or ImmediateKind.I32 or ImmediateKind.I64 or ImmediateKind.F32
            or ImmediateKind.F64 or ImmediateKind.LaneIndex or ImmediateKind.MemArgLane or ImmediateKind.MemoryInit => " 0",
        ImmediateKind.BrTable => " 0 0",
        ImmediateKind.CallIndirect => " (type 0)",
        ImmediateKind.SelectTypes => " (result i32)",
        ImmediateKind.V128 => " i64x2 0 0",
        ImmediateKind.RefType => " func",
        ImmediateKind.TableInit or ImmediateKind.TableCopy => " 0 0",
        ImmediateKind.Shuffle => string.Concat(Enumerable.Repeat(" 0", 16)),
        _ => "",
    };
}
