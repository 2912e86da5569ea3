using System.Text.Json;

namespace ScriptRunner.Tests.Core.WebAssembly;

/// <summary>
/// Third-party WASI preview1 programs (AssemblyScript, C, Rust), one case per program, from the folder named by
/// SCRIPTRUNNER_WASI_TESTSUITE (CI: ../shared/wasi-testsuite, relative to the repository root). Each program's .json
/// gives its args, env, expected exit code and stdout (exit code 0 and any stdout when absent).
/// </summary>
public sealed class WasiTestsuiteTests
{
    public const string Variable = "SCRIPTRUNNER_WASI_TESTSUITE";

    private const string MissingFolder = "(folder missing)";

    /// <summary>Every .wasm under the suite folder, as a path relative to it.</summary>
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        var folder = SuiteFolder();
        if (folder is null || !Directory.Exists(folder))
        {
            // Unset: the theory is skipped. Set but missing: this one case fails and says why.
            data.Add(MissingFolder);
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.wasm", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(folder, file).Replace('\\', '/'));
        }

        return data;
    }

    [WasiTestsuiteTheory]
    [MemberData(nameof(Programs))]
    public void Program_ExitsAndPrintsAsItsSpecificationSays(string program)
    {
        var folder = SuiteFolder();
        Assert.True(program != MissingFolder && folder is not null && Directory.Exists(folder),
            $"{Variable} names '{Environment.GetEnvironmentVariable(Variable)}', which is not a folder (resolved: {folder})");

        var path = Path.Combine(folder!, program);
        var spec = ReadSpecification(Path.ChangeExtension(path, ".json"));

        var run = WasmRun.Execute(
            File.ReadAllBytes(path),
            args: spec.Args,
            env: spec.Env,
            stdin: spec.Stdin,
            timeout: TimeSpan.FromSeconds(30),
            memoryLimitBytes: 256L * 1024 * 1024);

        Assert.True(run.Outcome.ExitCode is not null, $"{program} did not exit: {run.Outcome.ErrorType}: {run.Outcome.Error}");
        Assert.Equal(spec.ExitCode, run.Outcome.ExitCode);
        if (spec.Stdout is not null) Assert.Equal(spec.Stdout, run.Stdout);
    }

    private static string? SuiteFolder()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Path.IsPathRooted(value)) return value;
        var fromWorkingDirectory = Path.GetFullPath(value);
        return Directory.Exists(fromWorkingDirectory)
            ? fromWorkingDirectory
            : Path.GetFullPath(Path.Combine(WasmFixtures.RepositoryRoot(), value));
    }

    private static Specification ReadSpecification(string jsonPath)
    {
        if (!File.Exists(jsonPath)) return new Specification([], new Dictionary<string, string>(), null, 0, null);
        using var document = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var root = document.RootElement;
        Assert.False(root.TryGetProperty("dirs", out _), $"{jsonPath} needs preopened directories, which the sandbox does not offer");
        var args = root.TryGetProperty("args", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var env = root.TryGetProperty("env", out var e)
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
        var stdin = root.TryGetProperty("stdin", out var i) ? i.GetString() : null;
        var exitCode = root.TryGetProperty("exit_code", out var c) ? c.GetInt32() : 0;
        var stdout = root.TryGetProperty("stdout", out var o) ? o.GetString() : null;
        return new Specification(args, env, stdin, exitCode, stdout);
    }

    private sealed record Specification(
        IReadOnlyList<string> Args,
        IReadOnlyDictionary<string, string> Env,
        string? Stdin,
        int ExitCode,
        string? Stdout);
}

/// <summary>A theory that is reported skipped when SCRIPTRUNNER_WASI_TESTSUITE is not set.</summary>
public sealed class WasiTestsuiteTheoryAttribute : TheoryAttribute
{
    public WasiTestsuiteTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(WasiTestsuiteTests.Variable)))
        {
            Skip = $"{WasiTestsuiteTests.Variable} is not set; point it at the wasi-testsuite folder to run these programs";
        }
    }
}
