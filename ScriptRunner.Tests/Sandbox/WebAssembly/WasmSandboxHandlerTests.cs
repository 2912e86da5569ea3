using System.Text.Json.Nodes;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>Handler mode: an export called with JSON params, its result(s) returned; reactors initialised first.</summary>
public sealed class WasmSandboxHandlerTests
{
    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_AddI32_ReturnsTheSumAsScalar(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "add", parameters: [2, 40], engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal("42", run.Outcome.Result!.ToJsonString());
        Assert.Null(run.Outcome.ExitCode);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_I32AcceptsUnsignedRange_AndReturnsSigned(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "add", parameters: [4294967295L, 0], engineName: engine);

        Assert.Equal("-1", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_I64BeyondDoublePrecision_TravelsAsDecimalString(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "add_i64", parameters: ["9007199254740992", 1], engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal("\"9007199254740993\"", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_I64ExactInDouble_TravelsAsNumber(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "add_i64", parameters: [-5000000000L, "2000000000"], engineName: engine);

        Assert.Equal("-3000000000", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_I64MinimumAndMaximum_RoundTrip(string engine)
    {
        var min = WasmRun.Fixture("handler.wasm", handler: "id_i64", parameters: ["-9223372036854775808"], engineName: engine);
        var max = WasmRun.Fixture("handler.wasm", handler: "id_i64", parameters: ["9223372036854775807"], engineName: engine);

        // -2^63 is a power of two, so exact in a double; 2^63 - 1 is not.
        Assert.Equal("-9223372036854775808", min.Outcome.Result!.ToJsonString());
        Assert.Equal("\"9223372036854775807\"", max.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [InlineData("id_f64", "NaN", "\"NaN\"")]
    [InlineData("id_f64", "Infinity", "\"Infinity\"")]
    [InlineData("id_f64", "-Infinity", "\"-Infinity\"")]
    [InlineData("id_f32", "NaN", "\"NaN\"")]
    [InlineData("id_f32", "-Infinity", "\"-Infinity\"")]
    public void Handler_NonFiniteFloats_TravelAsStrings(string export, string parameter, string expected)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: export, parameters: [parameter]);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal(expected, run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_F64DivisionByZero_ReturnsInfinityString(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "div_f64", parameters: [1, 0], engineName: engine);

        Assert.Equal("\"Infinity\"", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_F32_KeepsSinglePrecisionShortestForm(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "mul_f32", parameters: [0.1, 3], engineName: engine);

        // 0.1f * 3 rounds to the f32 nearest 0.3, whose shortest form is "0.3" (as a double it would print 0.30000001192092896).
        Assert.Equal("0.3", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_MultiValue_ReturnsArray(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "divmod", parameters: [17, 5], engineName: engine);

        Assert.Equal("[3,2]", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_NoResult_ReturnsNull(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "nothing", engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Null(run.Outcome.Result);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_MissingExport_IsClearErrorListingFunctionExports(string engine)
    {
        var run = WasmRun.Fixture("reactor_initialize.wasm", handler: "missing", engineName: engine);

        Assert.Equal(ErrorTypes.InvalidRequest, run.Outcome.ErrorType);
        Assert.Equal(
            "the module has no export named 'missing'; its function exports are: _initialize () -> (), ready () -> (i32)",
            run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_ExportThatIsNotAFunction_IsClearError(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "memory", engineName: engine);

        Assert.Equal(ErrorTypes.InvalidRequest, run.Outcome.ErrorType);
        Assert.StartsWith("export 'memory' is a memory, not a function; its function exports are: add (i32, i32) -> (i32), ", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_WrongParameterCount_NamesExportAndSignature(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "add", parameters: [1], engineName: engine);

        Assert.Equal(ErrorTypes.InvalidRequest, run.Outcome.ErrorType);
        Assert.Equal("export 'add' has signature (i32, i32) -> (i32) and takes 2 parameter(s), but 1 were given", run.Outcome.Error);
    }

    [Theory]
    [InlineData("add", "\"abc\"", "parameter 0 must be an i32 (an integer from -2147483648 to 4294967295), got \"abc\"")]
    [InlineData("add", "1.5", "parameter 0 must be an i32 (an integer from -2147483648 to 4294967295), got 1.5")]
    [InlineData("add", "4294967296", "parameter 0 must be an i32 (an integer from -2147483648 to 4294967295), got 4294967296")]
    [InlineData("add", "true", "parameter 0 must be an i32 (an integer from -2147483648 to 4294967295), got true")]
    [InlineData("id_f64", "\"nan\"", "parameter 0 must be an f64 (a number, \"NaN\", \"Infinity\" or \"-Infinity\"), got \"nan\"")]
    public void Handler_WrongParameterType_NamesExportSignatureAndParameter(string export, string json, string expected)
    {
        var code = WasmFixtures.Load("handler.wasm");
        var parameters = export == "add" ? new object?[] { JsonNode.Parse(json), 1 } : [JsonNode.Parse(json)];

        var run = WasmRun.Execute(code, handler: export, parameters: parameters);

        Assert.Equal(ErrorTypes.InvalidRequest, run.Outcome.ErrorType);
        Assert.EndsWith(expected, run.Outcome.Error);
        Assert.StartsWith($"export '{export}' has signature (", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_Trap_IsTrapWithTheRuntimeMessage(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "divide", parameters: [7, 0], engineName: engine);

        Assert.False(run.Outcome.Success);
        Assert.Equal(ErrorTypes.Trap, run.Outcome.ErrorType);
        Assert.StartsWith("wasm trap: integer divide by zero", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_TrapInCallee_IsTrapNamingAFunctionOnTheWasmStack(string engine)
    {
        var run = WasmRun.Fixture("handler.wasm", handler: "crash", parameters: [7], engineName: engine);

        Assert.Equal(ErrorTypes.Trap, run.Outcome.ErrorType);
        // The runtime names the innermost frame it can see; a small callee may have been inlined into its caller.
        Assert.Contains(run.Outcome.Error, new[]
        {
            "wasm trap: integer divide by zero in function 'divide'",
            "wasm trap: integer divide by zero in function 'crash'",
        });
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_OnHandWrittenReactor_RunsInitializeFirst(string engine)
    {
        var run = WasmRun.Fixture("reactor_initialize.wasm", handler: "ready", engineName: engine);

        Assert.Equal("7", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_OnClangReactor_SeesConstructorsRunByInitialize(string engine)
    {
        var run = WasmRun.Fixture("reactor.wasm", handler: "answer", engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal("42", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_OnClangReactor_ComputesI64AndF64(string engine)
    {
        var fib = WasmRun.Fixture("reactor.wasm", handler: "fib", parameters: [90], engineName: engine);
        var average = WasmRun.Fixture("reactor.wasm", handler: "average", parameters: [1.5, 2], engineName: engine);

        Assert.Equal("\"2880067194370816120\"", fib.Outcome.Result!.ToJsonString());
        Assert.Equal("1.75", average.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Handler_OnClangReactor_UsesWasiStdoutAndEnviron(string engine)
    {
        var run = WasmRun.Fixture("reactor.wasm", handler: "greet", env: new Dictionary<string, string> { ["NAME"] = "wasm" }, engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Null(run.Outcome.Result);
        Assert.Equal("hello, wasm\n", run.Stdout);
    }
}
