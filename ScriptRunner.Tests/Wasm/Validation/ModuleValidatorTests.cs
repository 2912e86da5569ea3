using System.Diagnostics;
using ScriptRunner.Tests.Wasm.Binary;
using static ScriptRunner.Tests.Wasm.Binary.ModuleBytes;
using static ScriptRunner.Tests.Wasm.Validation.ModuleChecks;

namespace ScriptRunner.Tests.Wasm.Validation;

public sealed class ModuleValidatorTests
{
    [Fact]
    public void Validate_MemoryAbove65536Pages_IsRejected() =>
        Invalid("(module (memory 65537))", "memory size must be at most 65536 pages (4GiB)");

    [Fact]
    public void Validate_MemoryMaximumAbove65536Pages_IsRejected() =>
        Invalid("(module (memory 1 65537))", "memory size must be at most 65536 pages (4GiB)");

    [Fact]
    public void Validate_MemoryOf65536Pages_IsAccepted() => Valid("(module (memory 65536 65536))");

    [Fact]
    public void Validate_MemoryMinimumAboveMaximum_IsRejected() =>
        Invalid("(module (memory 2 1))", "size minimum must not be greater than maximum");

    [Fact]
    public void Validate_TableMinimumAboveMaximum_IsRejected() =>
        Invalid("(module (table 3 2 funcref))", "size minimum must not be greater than maximum");

    [Fact]
    public void Validate_ImportedMemoryLimits_AreChecked() =>
        Invalid("(module (import \"env\" \"m\" (memory 70000)))", "memory size must be at most 65536 pages (4GiB)");

    [Fact]
    public void Validate_TwoMemories_MultipleMemories() =>
        Invalid("(module (memory 1) (memory 1))", "multiple memories");

    [Fact]
    public void Validate_ImportedAndDefinedMemory_MultipleMemories() =>
        Invalid("(module (import \"env\" \"m\" (memory 1)) (memory 1))", "multiple memories");

    [Fact]
    public void Validate_SeveralTables_AreAccepted() => Valid("(module (table 1 funcref) (table 2 externref))");

    [Fact]
    public void Validate_RepeatedExportName_DuplicateExportName()
    {
        var error = Invalid("(module (func) (export \"a\" (func 0)) (export \"a\" (func 0)))", "duplicate export name");

        Assert.Equal("export", error.Section);
    }

    [Fact]
    public void Validate_ExportOfMissingGlobal_UnknownGlobal() =>
        Invalid("(module (export \"g\" (global 0)))", "unknown global 0");

    [Fact]
    public void Validate_ExportOfMissingFunction_UnknownFunction() =>
        Invalid("(module (export \"f\" (func 3)))", "unknown function 3");

    [Fact]
    public void Validate_StartFunctionWithParameters_IsRejected() =>
        Invalid("(module (func (param i32)) (start 0))", "start function");

    [Fact]
    public void Validate_StartFunctionWithResults_IsRejected() =>
        Invalid("(module (func (result i32) (i32.const 0)) (start 0))", "start function");

    [Fact]
    public void Validate_MissingStartFunction_UnknownFunction() =>
        Invalid(Module((8, [0x02])), "unknown function 2");

    [Fact]
    public void Validate_FunctionWithUnknownType_UnknownType() =>
        Invalid(Module(VoidTypeSection, (3, [0x01, 0x04]), CodeSection(0x00, 0x0B)), "unknown type 4");

    [Fact]
    public void Validate_ImportWithUnknownType_UnknownType() =>
        Invalid(Module((2, [0x01, .. Name("env"), .. Name("f"), 0x00, 0x00])), "unknown type 0");

    [Fact]
    public void Validate_NonConstantGlobalInitializer_ConstantExpressionRequired() =>
        Invalid("(module (global i32 (i32.add (i32.const 1) (i32.const 2))))", "constant expression required");

    [Fact]
    public void Validate_InitializerReadingMutableImport_ConstantExpressionRequired() =>
        Invalid("(module (import \"env\" \"g\" (global (mut i32))) (global i32 (global.get 0)))",
            "constant expression required");

    [Fact]
    public void Validate_InitializerReadingDefinedGlobal_UnknownGlobal() =>
        Invalid("(module (global i32 (i32.const 0)) (global i32 (global.get 0)))", "unknown global 0");

    [Fact]
    public void Validate_InitializerReadingImmutableImport_IsAccepted() =>
        Valid("(module (import \"env\" \"g\" (global i64)) (global i64 (global.get 0)))");

    [Fact]
    public void Validate_InitializerOfWrongType_TypeMismatch() =>
        Invalid("(module (global i32 (i64.const 0)))", "type mismatch");

    [Fact]
    public void Validate_InitializerWithTwoValues_TypeMismatch() =>
        Invalid("(module (global i32 (i32.const 0) (i32.const 1)))", "type mismatch");

    [Fact]
    public void Validate_EmptyInitializer_TypeMismatch() =>
        Invalid(Module((6, [0x01, 0x7F, 0x00, 0x0B])), "type mismatch");

    [Fact]
    public void Validate_ActiveElementsForMissingTable_UnknownTable() =>
        Invalid("(module (func) (elem (i32.const 0) func 0))", "unknown table 0");

    [Fact]
    public void Validate_ElementOffsetOfWrongType_TypeMismatch() =>
        Invalid("(module (table 1 funcref) (func) (elem (i64.const 0) func 0))", "type mismatch");

    [Fact]
    public void Validate_FuncrefElementsForExternrefTable_TypeMismatch() =>
        Invalid("(module (table 1 externref) (func) (elem (i32.const 0) func 0))", "type mismatch");

    [Fact]
    public void Validate_ElementNamingMissingFunction_UnknownFunction() =>
        Invalid("(module (table 1 funcref) (elem (i32.const 0) func 7))", "unknown function 7");

    [Fact]
    public void Validate_ElementItemOfWrongReferenceType_TypeMismatch() =>
        Invalid("(module (elem funcref (ref.null extern)))", "type mismatch");

    [Fact]
    public void Validate_ActiveDataWithoutMemory_UnknownMemory() =>
        Invalid("(module (data (i32.const 0) \"a\"))", "unknown memory 0");

    [Fact]
    public void Validate_DataOffsetOfWrongType_TypeMismatch() =>
        Invalid("(module (memory 1) (data (f32.const 0) \"a\"))", "type mismatch");

    [Fact]
    public void Validate_PassiveDataWithoutMemory_IsAccepted() => Valid("(module (data \"a\"))");

    [Fact]
    public void Validate_ModuleCompiledByClang_IsAccepted()
    {
        var facts = Valid(CompileC("""
            #include <wasm_simd128.h>
            typedef int (*op)(int, int);
            static int add(int a, int b) { return a + b; }
            static int mul(int a, int b) { return a * b; }
            static op ops[2] = { add, mul };
            __attribute__((export_name("calc"))) int calc(int k, int a, int b) {
                switch (k) {
                    case 0: return ops[0](a, b);
                    case 1: return ops[1](a, b);
                    case 2: return a - b;
                    case 3: return a / b;
                    case 4: return (int)((double)a / (float)b);
                    default: return -1;
                }
            }
            __attribute__((export_name("sum"))) float sum(const float* p, int n) {
                v128_t acc = wasm_f32x4_splat(0);
                int i = 0;
                for (; i + 4 <= n; i += 4) acc = wasm_f32x4_add(acc, wasm_v128_load(p + i));
                float s = wasm_f32x4_extract_lane(acc, 0) + wasm_f32x4_extract_lane(acc, 3);
                for (; i < n; i++) s += p[i];
                return s;
            }
            __attribute__((export_name("copy"))) void copy(char* d, const char* s, unsigned long n) {
                __builtin_memcpy(d, s, n);
                __builtin_memset(d + n, 0, n);
            }
            """));

        Assert.NotEmpty(facts);
    }

    private static byte[] CompileC(string source)
    {
        var directory = Directory.CreateTempSubdirectory("clang");
        try
        {
            var input = Path.Combine(directory.FullName, "program.c");
            var output = Path.Combine(directory.FullName, "program.wasm");
            File.WriteAllText(input, source);
            var start = new ProcessStartInfo("clang",
                ["--target=wasm32", "-O2", "-msimd128", "-mbulk-memory", "-nostdlib", "-Wl,--no-entry", "-o", output, input])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException("clang failed: " + errors);
            return File.ReadAllBytes(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
