namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>The built WebAssembly fixtures (ScriptRunner.Tests/Fixtures/Wasm, rebuilt by its build.sh).</summary>
internal static class WasmFixtures
{
    /// <summary>The bytes of a fixture, e.g. <c>wasi_command.wasm</c>.</summary>
    public static byte[] Load(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Wasm", name));

    /// <summary>The repository root: the folder holding ScriptRunner.sln above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScriptRunner.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"no ScriptRunner.sln above {AppContext.BaseDirectory}");
    }
}
