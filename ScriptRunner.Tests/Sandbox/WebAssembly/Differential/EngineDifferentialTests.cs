using System.Globalization;
using ScriptRunner.Core.Execution;
using ScriptRunner.Sandbox.WebAssembly.Wasmtime;
using ScriptRunner.Tests.Support;
using ScriptRunner.Wasm;
using Xunit.Abstractions;

namespace ScriptRunner.Tests.Sandbox.WebAssembly.Differential;

/// <summary>
/// Generated modules run on both engines must agree, call by call: the same result, or the same error type and trap
/// message. CI runs a short sweep; SCRIPTRUNNER_WASM_DIFFERENTIAL_MODULES=N runs N modules, e.g.
/// <c>SCRIPTRUNNER_WASM_DIFFERENTIAL_MODULES=2000 dotnet test ScriptRunner.Tests --filter FullyQualifiedName~EngineDifferentialTests</c>;
/// SCRIPTRUNNER_WASM_DIFFERENTIAL_FIRST=N starts at seed N, and the text of every module with a disagreement is
/// written to the test output.
/// </summary>
public sealed class EngineDifferentialTests(ITestOutputHelper output)
{
    private const string CountVariable = "SCRIPTRUNNER_WASM_DIFFERENTIAL_MODULES";
    private const string FirstVariable = "SCRIPTRUNNER_WASM_DIFFERENTIAL_FIRST";
    private const int FunctionsPerModule = 12;

    private static readonly object[][] Arguments =
    [
        [0, 0L], [1, 1L], [-1, -1L], [7, 1L << 40], [int.MaxValue, long.MinValue], [65533, 3L],
    ];

    [Fact]
    public void GeneratedModules_GiveTheSameAnswersOnBothEngines()
    {
        var modules = int.TryParse(Environment.GetEnvironmentVariable(CountVariable), CultureInfo.InvariantCulture, out var n) ? n : 40;
        var first = int.TryParse(Environment.GetEnvironmentVariable(FirstVariable), CultureInfo.InvariantCulture, out var f0) ? f0 : 0;
        using var runtime = WasmEngines.NewWasmtimeRuntime();
        var managed = new Engine();
        var calls = 0;
        var outcomes = new Dictionary<string, int>();
        var disagreements = new List<string>();
        for (var seed = first; seed < first + modules; seed++)
        {
            var before = disagreements.Count;
            var text = new ModuleGenerator(seed).Module(FunctionsPerModule, out _);
            var code = WatCompiler.Compile(text);
            for (var f = 0; f < FunctionsPerModule; f++)
            {
                foreach (var args in Arguments)
                {
                    calls++;
                    var ours = WasmRun.Execute(code, managed, handler: $"f{f}", parameters: args, timeout: TimeSpan.FromSeconds(10)).Outcome;
                    var theirs = WasmRun.Execute(code, handler: $"f{f}", parameters: args, timeout: TimeSpan.FromSeconds(10),
                        engineName: EngineNames.Wasmtime, runtime: runtime).Outcome;
                    var a = Describe(ours);
                    var b = Describe(theirs);
                    var kind = ours.Success ? "result" : a;
                    outcomes[kind] = outcomes.GetValueOrDefault(kind) + 1;
                    if (a != b && disagreements.Count < 20)
                    {
                        disagreements.Add($"seed {seed} f{f}({string.Join(", ", args)}): managed {a} | wasmtime {b}");
                    }
                }
            }

            if (disagreements.Count > before) output.WriteLine($"seed {seed}:\n{text}");
        }

        output.WriteLine($"{modules} modules, {calls} calls on each engine");
        foreach (var (kind, count) in outcomes.OrderByDescending(p => p.Value).Take(12)) output.WriteLine($"  {count,6} {kind}");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    // The trap site is named only where both engines can name it (the export itself), so the message is compared
    // without it; the kind of trap must match word for word.
    private static string Describe(SandboxOutcome outcome)
    {
        if (outcome.Success) return "= " + outcome.Result?.ToJsonString();
        var error = outcome.Error ?? "";
        var where = error.IndexOf(" in function '", StringComparison.Ordinal);
        return $"{outcome.ErrorType}: {(where < 0 ? error : error[..where])}";
    }
}
