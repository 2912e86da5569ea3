using ScriptRunner.Tests.Support;
using System.Text;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class CompilerLimitsTests
{
    private static byte[] DeepStack(int values)
    {
        var text = new StringBuilder("(module (func (export \"sum\") (result i32)\n");
        text.Insert(text.Length, "(i32.const 1)\n", values);
        text.Insert(text.Length, "(i32.add)\n", values - 1);
        return WatCompiler.Compile(text.Append("))").ToString());
    }

    [Fact]
    public void OperandStackBeyondTheImplementationLimit_IsACompileError()
    {
        var error = Assert.Throws<CompileException>(() => Module.FromBytes(new Engine(), DeepStack(70_000)));
        Assert.Contains("operand stack deeper than", error.Message);
        Assert.False(error.IsMalformed);
    }

    [Fact]
    public void DeepButSupportedOperandStack_Runs()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var instance = new Linker(engine).Instantiate(store, Module.FromBytes(engine, DeepStack(20_000)));
        Assert.Equal(20_000, instance.GetFunction("sum")!.Invoke()[0].AsI32());
    }
}
