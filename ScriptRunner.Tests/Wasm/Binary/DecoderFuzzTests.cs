using ScriptRunner.Tests.Support;
using ScriptRunner.Wasm;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Validation;

namespace ScriptRunner.Tests.Wasm.Binary;

/// <summary>
/// Hostile-input robustness: whatever the bytes, decoding and validation either succeed or throw
/// <see cref="CompileException"/>; never another exception.
/// </summary>
public sealed class DecoderFuzzTests
{
    private const string RichModule = """
        (module
          (type $pair (func (param i32 i64) (result i64 i32)))
          (import "env" "log" (func $log (param i32)))
          (import "env" "g" (global $g i32))
          (memory 1 4)
          (table $t 4 funcref)
          (table $e 2 externref)
          (global $counter (mut i64) (i64.const 0))
          (global $vec v128 (v128.const i32x4 1 2 3 4))
          (elem (i32.const 0) $swap $log)
          (elem declare func $pick)
          (data (i32.const 16) "hello")
          (data "passive")
          (export "swap" (func $swap))
          (export "memory" (memory 0))
          (func $swap (type $pair) (local.get 1) (local.get 0))
          (func $pick (param i32) (result i32)
            (block $b (result i32)
              (block $a (result i32)
                (br_table $a $b (i32.const 7) (local.get 0)))
              (i32.const 3)
              (i32.add)))
          (func $mem (param i32) (result v128)
            (memory.init 1 (i32.const 0) (i32.const 0) (i32.const 2))
            (data.drop 1)
            (table.set $e (i32.const 0) (ref.null extern))
            (drop (ref.func $pick))
            (global.set $counter (i64.add (global.get $counter) (i64.const 1)))
            (if (result v128) (local.get 0)
              (then (v128.load offset=4 align=4 (i32.const 0)))
              (else (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (global.get $vec) (v128.const i64x2 0 -1)))))
          (start $start)
          (func $start (call $log (global.get $g))))
        """;

    [Fact]
    public void Mutations_OfAValidModule_OnlyEverThrowCompileException()
    {
        var original = WatCompiler.Compile(RichModule);
        Decode(original);
        var random = new Random(20240611);
        var accepted = 0;

        for (var i = 0; i < 5000; i++)
        {
            var bytes = Mutate(original, random);
            if (TryDecode(bytes)) accepted++;
        }

        // Single-byte changes of immediates often keep a module valid; most mutations are rejected.
        Assert.InRange(accepted, 1, 4999);
    }

    [Fact]
    public void RandomBytes_AfterAValidHeader_OnlyEverThrowCompileException()
    {
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var body = new byte[random.Next(0, 64)];
            random.NextBytes(body);
            TryDecode(ModuleBytes.Raw(body));
        }
    }

    [Fact]
    public void RandomFunctionBodies_OnlyEverThrowCompileException()
    {
        var random = new Random(99);
        for (var i = 0; i < 3000; i++)
        {
            var code = new byte[random.Next(1, 40)];
            random.NextBytes(code);
            code[^1] = 0x0B;
            TryDecode(ModuleBytes.Module(ModuleBytes.VoidTypeSection, ModuleBytes.OneFunctionSection,
                ModuleBytes.OneMemorySection, ModuleBytes.CodeSection([0x00, .. code])));
        }
    }

    private static void Decode(byte[] bytes) => ModuleValidator.Validate(ModuleReader.Read(bytes));

    private static bool TryDecode(byte[] bytes)
    {
        try
        {
            Decode(bytes);
            return true;
        }
        catch (CompileException)
        {
            return false;
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var count = random.Next(1, 4);
        for (var m = 0; m < count && bytes.Count > 9; m++)
        {
            var position = random.Next(8, bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[position] = (byte)random.Next(256); break;
                case 1: bytes[position] ^= (byte)(1 << random.Next(8)); break;
                case 2: bytes.RemoveAt(position); break;
                case 3: bytes.Insert(position, (byte)random.Next(256)); break;
                default: bytes.RemoveRange(position, bytes.Count - position); break;
            }
        }

        return [.. bytes];
    }
}
