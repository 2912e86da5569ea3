namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary>
/// Locates the web-platform-tests data files: the folder named by <c>SCRIPTRUNNER_WPT_DATA</c> (a relative path is
/// taken from the repository root; a missing folder fails the tests), else <c>../shared/wpt-data</c> beside the
/// repository (the tests are skipped when it is absent); and the repository's own files the WPT tests use (the
/// harness scripts beside this file, the samples).
/// </summary>
internal static class WptData
{
    /// <summary>Environment variable naming the WPT data folder.</summary>
    public const string Variable = "SCRIPTRUNNER_WPT_DATA";

    /// <summary>The repository root (the folder holding ScriptRunner.sln), found upwards from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// The data folder: the variable's (which may not exist, so that a mistyped path fails the tests instead of
    /// skipping them), else ../shared/wpt-data beside the repository when it exists, else null.
    /// </summary>
    public static string? Folder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured, RepositoryRoot);
            var probed = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "wpt-data"));
            return Directory.Exists(probed) ? probed : null;
        }
    }

    /// <summary>The text of a data file, e.g. <c>urltestdata.json</c>.</summary>
    public static string Read(string fileName)
    {
        // The data is part of the test set-up, as the Wasm spec suite is: without it these tests fail, naming what is missing.
        var folder = Folder ?? throw new DirectoryNotFoundException(
            $"no WPT data: set {Variable} to the wpt-data folder (e.g. /work/shared/wpt-data), or place it at ../shared/wpt-data beside the repository");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{Variable} names '{folder}', which does not exist");
        return File.ReadAllText(Path.Combine(folder, fileName));
    }

    /// <summary>The text of a file of the repository, by its path from the root.</summary>
    public static string ReadRepositoryFile(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScriptRunner.sln"))) return dir.FullName;
        }

        return Directory.GetCurrentDirectory();
    }
}
