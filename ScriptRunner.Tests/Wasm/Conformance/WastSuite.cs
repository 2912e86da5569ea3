namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>
/// Locates the spec test suite: the folder named by <c>SCRIPTRUNNER_WASM_TESTSUITE</c> (a relative path is taken
/// from the repository root, the folder holding ScriptRunner.sln), optionally narrowed by
/// <c>SCRIPTRUNNER_WASM_TESTSUITE_FILTER</c> (comma-separated parts of file names, e.g. "i32.wast,simd_lane").
/// </summary>
internal static class WastSuite
{
    /// <summary>Environment variable naming the folder of .wast files.</summary>
    public const string FolderVariable = "SCRIPTRUNNER_WASM_TESTSUITE";

    /// <summary>Environment variable narrowing the files that run.</summary>
    public const string FilterVariable = "SCRIPTRUNNER_WASM_TESTSUITE_FILTER";

    /// <summary>Why the suite's tests are skipped, or null when the folder variable is set.</summary>
    public static string? SkipReason =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(FolderVariable))
            ? $"{FolderVariable} is not set; set it to the spec test suite folder (e.g. /work/shared/wasm-testsuite) to run the conformance tests"
            : null;

    /// <summary>The configured folder as an absolute path (it may not exist), or null when not configured.</summary>
    public static string? Folder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(FolderVariable);
            if (string.IsNullOrWhiteSpace(configured)) return null;
            if (Path.IsPathRooted(configured)) return Path.GetFullPath(configured);
            var root = RepositoryRoot();
            return Path.GetFullPath(configured, root ?? Directory.GetCurrentDirectory());
        }
    }

    /// <summary>
    /// The .wast file names to run, sorted; empty when not configured. Throws when the folder is configured but
    /// missing, so a mistyped path fails the run instead of passing it.
    /// </summary>
    public static IReadOnlyList<string> FileNames()
    {
        var folder = Folder;
        if (folder is null) return [];
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{FolderVariable} names '{folder}', which does not exist");
        var filters = (Environment.GetEnvironmentVariable(FilterVariable) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. Directory.EnumerateFiles(folder, "*.wast")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => filters.Length == 0 || filters.Any(f => name.Contains(f, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScriptRunner.sln"))) return dir.FullName;
        }
        return null;
    }
}
