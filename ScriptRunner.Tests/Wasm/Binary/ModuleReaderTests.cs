using ScriptRunner.Tests.Support;
using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Tests.Wasm.Binary;

public sealed class ModuleReaderTests
{
    [Fact]
    public void Read_HeaderOnly_GivesEmptyModule()
    {
        var module = ModuleReader.Read(ModuleBytes.Header);

        Assert.Empty(module.Types);
        Assert.Empty(module.FunctionTypeIndices.ToArray());
        Assert.Empty(module.Code);
        Assert.Null(module.Start);
        Assert.Null(module.DataCount);
    }

    [Fact]
    public void Read_ImportsAndDefinitions_BuildIndexSpacesWithImportsFirst()
    {
        var module = ModuleReader.Read(WatCompiler.Compile("""
            (module
              (type (func (param i32 i64) (result f64)))
              (import "env" "f" (func (type 0)))
              (import "env" "t" (table 2 10 externref))
              (import "env" "m" (memory 1 2))
              (import "env" "g" (global (mut i32)))
              (func (type 0) f64.const 1)
              (func (result i32) i32.const 7)
              (table 3 funcref)
              (global f32 (f32.const 1.5)))
            """));

        Assert.Equal(2, module.Types.Length);
        Assert.Equal([ValType.I32, ValType.I64], module.Types[0].Params);
        Assert.Equal([ValType.F64], module.Types[0].Results);
        Assert.Equal(4, module.Imports.Length);
        Assert.Equal(new Import("env", "t", ExternalKind.Table, Table: new TableType(ValType.ExternRef, new Limits(2, 10))),
            module.Imports[1]);
        Assert.Equal(1, module.ImportedFunctionCount);
        Assert.Equal([0u, 0u, 1u], module.FunctionTypeIndices.ToArray());
        Assert.Equal(2, module.Code.Length);
        Assert.Equal(module.Types[0], module.GetFunctionType(1));
        Assert.Equal([new TableType(ValType.ExternRef, new Limits(2, 10)), new TableType(ValType.FuncRef, new Limits(3, null))],
            module.Tables.ToArray());
        Assert.Equal(1, module.ImportedTableCount);
        Assert.Equal([new MemoryType(new Limits(1, 2))], module.Memories.ToArray());
        Assert.Equal([new GlobalType(ValType.I32, true), new GlobalType(ValType.F32, false)], module.Globals.ToArray());
        Assert.Equal(1, module.ImportedGlobalCount);
        Assert.Equal(BitConverter.SingleToUInt32Bits(1.5f), module.GlobalDefinitions[0].Init.F32Bits);
    }

    [Fact]
    public void Read_FunctionBody_RecordsLocalRunsAndCodeRange()
    {
        var module = ModuleReader.Read(WatCompiler.Compile("""
            (module (func (param i32) (local i64 i64 f32) (local.get 0) (drop)))
            """));

        var body = module.Code[0];
        Assert.Equal([new LocalRun(2, ValType.I64), new LocalRun(1, ValType.F32)], body.Locals.ToArray());
        Assert.Equal(3, body.LocalCount);
        Assert.Equal([0x20, 0x00, 0x1A, 0x0B], module.GetCode(body).ToArray());
    }

    [Fact]
    public void Read_ExportsStartAndNames_AreDecoded()
    {
        var module = ModuleReader.Read(WatCompiler.Compile("""
            (module
              (func $init)
              (func $run (export "run"))
              (memory (export "memory") 1)
              (start $init))
            """, check: true));

        Assert.Equal([new Export("run", ExternalKind.Function, 1), new Export("memory", ExternalKind.Memory, 0)],
            module.Exports.ToArray());
        Assert.Equal(0u, module.Start);
        Assert.Empty(module.CustomSectionNames.ToArray());
    }

    [Fact]
    public void Read_NameSection_GivesFunctionNames()
    {
        var names = ModuleBytes.Vector([0x00, .. ModuleBytes.Name("first")], [0x01, .. ModuleBytes.Name("second")]);
        var nameSection = (byte)0;
        var bytes = ModuleBytes.Module(
            ModuleBytes.VoidTypeSection,
            (3, [0x02, 0x00, 0x00]),
            (10, [0x02, 0x02, 0x00, 0x0B, 0x02, 0x00, 0x0B]),
            (nameSection, [.. ModuleBytes.Name("name"), 0x01, .. ModuleBytes.U32((uint)names.Length), .. names]));

        var module = ModuleReader.Read(bytes);

        Assert.Equal(["name"], module.CustomSectionNames.ToArray());
        Assert.Equal("first", module.FunctionNames[0]);
        Assert.Equal("second", module.FunctionNames[1]);
    }

    [Fact]
    public void Read_DamagedNameSection_IsIgnored()
    {
        var bytes = ModuleBytes.Module((0, [.. ModuleBytes.Name("name"), 0x01, 0x7F, 0x05]));

        var module = ModuleReader.Read(bytes);

        Assert.Empty(module.FunctionNames);
    }

    [Fact]
    public void Read_ConstantExpressions_KeepTheirValues()
    {
        var module = ModuleReader.Read(WatCompiler.Compile("""
            (module
              (import "env" "g" (global i64))
              (func $f)
              (global i32 (i32.const -5))
              (global i64 (i64.const -9223372036854775808))
              (global f64 (f64.const -0.5))
              (global v128 (v128.const i32x4 1 2 3 4))
              (global externref (ref.null extern))
              (global funcref (ref.func $f))
              (global i64 (global.get 0)))
            """));

        var inits = module.GlobalDefinitions.Select(g => g.Init).ToArray();
        Assert.All(inits, e => Assert.True(e.IsSingleConstant));
        Assert.Equal(-5, inits[0].I32);
        Assert.Equal(long.MinValue, inits[1].I64);
        Assert.Equal(BitConverter.DoubleToUInt64Bits(-0.5), inits[2].F64Bits);
        Assert.Equal(Vector128.Create(1, 2, 3, 4).AsByte(), inits[3].V128);
        Assert.Equal((ConstantKind.RefNull, ValType.ExternRef), (inits[4].Kind, inits[4].RefType));
        Assert.Equal((ConstantKind.RefFunc, 0u), (inits[5].Kind, inits[5].Index));
        Assert.Equal((ConstantKind.GlobalGet, 0u), (inits[6].Kind, inits[6].Index));
    }

    [Fact]
    public void Read_NonConstantInitializer_IsDecodedAndMarked()
    {
        var module = ModuleReader.Read(WatCompiler.Compile(
            "(module (global i32 (i32.add (i32.const 1) (i32.const 2))))", check: false));

        var init = module.GlobalDefinitions[0].Init;
        Assert.Equal(3, init.InstructionCount);
        Assert.Equal(Opcode.I32Add, init.NonConstantOpcode);
        Assert.False(init.IsSingleConstant);
    }

    [Theory]
    [InlineData("(elem (i32.const 1) func $f)", "Active", 0u, "FuncRef")]
    [InlineData("(elem func $f)", "Passive", 0u, "FuncRef")]
    [InlineData("(elem (table $t1) (i32.const 1) func $f)", "Active", 1u, "FuncRef")]
    [InlineData("(elem declare func $f)", "Declarative", 0u, "FuncRef")]
    [InlineData("(elem (i32.const 1) funcref (ref.func $f))", "Active", 0u, "FuncRef")]
    [InlineData("(elem externref (ref.null extern))", "Passive", 0u, "ExternRef")]
    [InlineData("(elem (table $t1) (i32.const 1) funcref (ref.func $f))", "Active", 1u, "FuncRef")]
    [InlineData("(elem declare funcref (ref.func $f))", "Declarative", 0u, "FuncRef")]
    public void Read_ElementSegmentEncodings_GiveModeTableAndType(string segment, string modeName, uint table, string typeName)
    {
        var mode = Enum.Parse<SegmentMode>(modeName);
        var type = Enum.Parse<ValType>(typeName);
        var module = ModuleReader.Read(WatCompiler.Compile(
            $"(module (table $t0 2 funcref) (table $t1 2 funcref) (func $f) {segment})"));

        var element = Assert.Single(module.Elements);
        Assert.Equal(mode, element.Mode);
        Assert.Equal(table, element.TableIndex);
        Assert.Equal(type, element.ElementType);
        Assert.Single(element.Items);
        if (mode == SegmentMode.Active) Assert.Equal(1, element.Offset.I32);
    }

    [Fact]
    public void Read_ElementKindsWithFunctionIndices_BecomeRefFuncItems()
    {
        var module = ModuleReader.Read(WatCompiler.Compile(
            "(module (table 4 funcref) (func $a) (func $b) (elem (i32.const 0) func $b $a $b))"));

        var items = module.Elements[0].Items;
        Assert.All(items, item => Assert.Equal(ConstantKind.RefFunc, item.Kind));
        Assert.Equal([1u, 0u, 1u], items.Select(i => i.Index));
    }

    [Fact]
    public void Read_DataSegmentKinds_GiveModeMemoryAndBytes()
    {
        byte[] active = [0x00, 0x41, 0x08, 0x0B, 0x02, 0xAA, 0xBB];
        byte[] passive = [0x01, 0x01, 0xCC];
        byte[] explicitMemory = [0x02, 0x00, 0x41, 0x10, 0x0B, 0x00];
        var bytes = ModuleBytes.Module(
            ModuleBytes.OneMemorySection,
            (11, [0x03, .. active, .. passive, .. explicitMemory]));

        var module = ModuleReader.Read(bytes);

        Assert.Equal(3, module.Data.Length);
        Assert.Equal((SegmentMode.Active, 8), (module.Data[0].Mode, module.Data[0].Offset.I32));
        Assert.Equal([0xAA, 0xBB], module.Data[0].Bytes.ToArray());
        Assert.Equal(SegmentMode.Passive, module.Data[1].Mode);
        Assert.Equal([0xCC], module.Data[1].Bytes.ToArray());
        Assert.Equal((SegmentMode.Active, 0u, 16), (module.Data[2].Mode, module.Data[2].MemoryIndex, module.Data[2].Offset.I32));
        Assert.True(module.Data[2].Bytes.IsEmpty);
    }

    [Fact]
    public void Read_DataCountSection_IsRecorded()
    {
        var module = ModuleReader.Read(WatCompiler.Compile(
            "(module (memory 1) (data \"ab\") (func (data.drop 0)))"));

        Assert.Equal(1u, module.DataCount);
    }

    [Fact]
    public void Read_CustomSectionsAnywhere_AreAccepted()
    {
        var custom = (Id: (byte)0, Content: (byte[])[.. ModuleBytes.Name("meta"), 1, 2, 3]);
        var bytes = ModuleBytes.Module(custom, ModuleBytes.VoidTypeSection, custom, ModuleBytes.OneFunctionSection,
            ModuleBytes.CodeSection(0x00, 0x0B), custom);

        var module = ModuleReader.Read(bytes);

        Assert.Equal(["meta", "meta", "meta"], module.CustomSectionNames.ToArray());
    }

    [Fact]
    public void Read_InputBuffer_IsCopied()
    {
        var bytes = ModuleBytes.Module((11, [0x01, 0x01, 0x01, 0x42]));

        var module = ModuleReader.Read(bytes);
        bytes[^1] = 0x00;

        Assert.Equal([0x42], module.Data[0].Bytes.ToArray());
    }
}
