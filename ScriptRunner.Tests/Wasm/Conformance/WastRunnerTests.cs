using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>The harness itself, on small scripts written here: it must report failures, not only passes.</summary>
public sealed class WastRunnerTests(Wast2JsonConverter converter) : IClassFixture<Wast2JsonConverter>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scriptrunner-wast-test-").FullName;

    private WastFileResult Run(string name, string script)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, script);
        var conversion = converter.Convert(path);
        Assert.Null(conversion.Error);
        using var runner = new WastRunner(conversion, new StoreLimits { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);
        return runner.Run(WastCommand.ReadScript(conversion.JsonPath!));
    }

    [Fact]
    public void Run_WrongExpectations_AreReportedWithLineExpectedAndActual()
    {
        var result = Run("wrong.wast", """
            (module (func (export "one") (result i32) (i32.const 1)))
            (assert_return (invoke "one") (i32.const 1))
            (assert_return (invoke "one") (i32.const 2))
            (assert_trap (invoke "one") "unreachable")
            """);

        Assert.Equal((4, 2), (result.Total, result.Passed));
        Assert.Collection(
            result.Failures,
            f => Assert.Equal((3, "[i32:2]", "[i32:1]"), (f.Line, f.Expected, f.Actual)),
            f => Assert.Equal((4, "returned [i32:1] without trapping"), (f.Line, f.Actual)));
        Assert.Contains("line 3: assert_return invoke \"one\"()", result.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SpectestImportsAndRegisteredModules_Link()
    {
        var result = Run("linking.wast", """
            (module $a
              (import "spectest" "global_i32" (global $g i32))
              (import "spectest" "print_i32" (func $print (param i32)))
              (func (export "g") (result i32) (call $print (global.get $g)) (global.get $g)))
            (register "a" $a)
            (module (import "a" "g" (func $g (result i32))) (func (export "twice") (result i32) (i32.add (call $g) (call $g))))
            (assert_return (invoke "twice") (i32.const 1332))
            (assert_unlinkable (module (import "a" "missing" (func))) "unknown import")
            """);

        Assert.True(result.Succeeded, result.Report());
        Assert.Equal(5, result.Passed);
    }

    [Fact]
    public void Run_TrapsNansAndRejectedModules_MatchTheirExpectations()
    {
        var result = Run("outcomes.wast", """
            (module
              (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
              (func (export "nan") (result f32) (f32.div (f32.const 0) (f32.const 0)))
              (func (export "loop") (result i32) (call 2)))
            (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
            (assert_return (invoke "nan") (f32.const nan:canonical))
            (assert_exhaustion (invoke "loop") "call stack exhausted")
            (assert_malformed (module binary "\00asm\02\00\00\00") "unknown binary version")
            (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
            (assert_malformed (module quote "(func (i32.const))") "unexpected token")
            """);

        Assert.True(result.Succeeded, result.Report());
        Assert.Equal((7, 6, 1), (result.Total, result.Passed, result.NotApplicable));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
