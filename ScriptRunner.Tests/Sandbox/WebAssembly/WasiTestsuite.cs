using System.Text.Json;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>
/// The third-party WASI preview1 programs in the folder named by SCRIPTRUNNER_WASI_TESTSUITE (CI:
/// ../shared/wasi-testsuite, relative to the repository root). Each program's .json gives its args, env, expected exit
/// code and stdout (exit code 0 and any stdout when absent).
/// </summary>
internal static class WasiTestsuite
{
    public const string Variable = "SCRIPTRUNNER_WASI_TESTSUITE";

    /// <summary>The single case reported when the variable names no folder, so the run fails and says why.</summary>
    public const string MissingFolder = "(folder missing)";

    /// <summary>True when the variable is set (the tests run; otherwise they are reported skipped).</summary>
    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Every .wasm under the suite folder, as a path relative to it; <see cref="MissingFolder"/> when there is none.</summary>
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        var folder = Folder();
        if (folder is null || !Directory.Exists(folder))
        {
            data.Add(MissingFolder);
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.wasm", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(folder, file).Replace('\\', '/'));
        }

        return data;
    }

    /// <summary>The program's bytes and specification; fails the test when the folder is missing.</summary>
    public static (byte[] Code, Specification Spec) Load(string program)
    {
        var folder = Folder();
        Assert.True(program != MissingFolder && folder is not null && Directory.Exists(folder),
            $"{Variable} names '{Environment.GetEnvironmentVariable(Variable)}', which is not a folder (resolved: {folder})");
        var path = Path.Combine(folder!, program);
        return (File.ReadAllBytes(path), ReadSpecification(Path.ChangeExtension(path, ".json")));
    }

    private static string? Folder()
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

    /// <summary>What a program's .json says: its inputs and the expected exit code and stdout (null: not checked).</summary>
    public sealed record Specification(
        IReadOnlyList<string> Args,
        IReadOnlyDictionary<string, string> Env,
        string? Stdin,
        int ExitCode,
        string? Stdout);
}
