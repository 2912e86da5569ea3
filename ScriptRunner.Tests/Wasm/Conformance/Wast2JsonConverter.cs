using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>Outcome of converting one .wast file: the JSON script, or the converter's error.</summary>
internal sealed record WastConversion(string WastPath, string? JsonPath, string? Error, string ToolVersion, string? Rewrite = null)
{
    /// <summary>Folder holding the JSON and the .wasm files it names.</summary>
    public string Directory => Path.GetDirectoryName(JsonPath) ?? "";
}

/// <summary>
/// Runs wabt's <c>wast2json</c> (found on PATH) into a private temporary folder, once per .wast file per run.
/// Used as an xunit class fixture; the folder is deleted when the run ends.
/// </summary>
public sealed class Wast2JsonConverter : IDisposable
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromMinutes(2);

    // wabt 1.0.32 demands the table index that the text format lets table.get/set/size/grow/fill omit (it then
    // means table 0). Spelling out the 0 changes no meaning and keeps line numbers, so such scripts are converted
    // from a copy that does.
    private static readonly Regex ImplicitTableIndex = new(@"\btable\.(get|set|size|grow|fill)\b(?!\s*[$\d])");
    private const string MissingIndexError = "expected a numeric index or a name";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scriptrunner-wast-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, Lazy<WastConversion>> _conversions = new(StringComparer.Ordinal);
    private readonly Lazy<string> _toolPath = new(FindTool);
    private readonly Lazy<string> _version;

    /// <summary>Creates the converter; the tool is looked up lazily.</summary>
    public Wast2JsonConverter() => _version = new Lazy<string>(ReadVersion);

    /// <summary>Converts <paramref name="wastPath"/> (cached for the rest of the run).</summary>
    internal WastConversion Convert(string wastPath) =>
        _conversions.GetOrAdd(Path.GetFullPath(wastPath), path => new Lazy<WastConversion>(() => Run(path))).Value;

    /// <summary>wast2json's version string, e.g. "1.0.32".</summary>
    internal string Version => _version.Value;

    private WastConversion Run(string wastPath)
    {
        var name = Path.GetFileNameWithoutExtension(wastPath);
        var folder = Path.Combine(_root, name);
        System.IO.Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, name + ".json");
        var error = RunTool(wastPath, json, folder);
        if (error is null) return new WastConversion(wastPath, json, null, Version);
        if (error.Contains(MissingIndexError, StringComparison.Ordinal))
        {
            var text = File.ReadAllText(wastPath);
            var count = ImplicitTableIndex.Matches(text).Count;
            if (count > 0)
            {
                var copy = Path.Combine(folder, "explicit-table-index-" + Path.GetFileName(wastPath));
                File.WriteAllText(copy, ImplicitTableIndex.Replace(text, "table.$1 0"));
                var rewrite = $"converted after writing out the implicit table index 0 of {count} table instruction(s)";
                var retryError = RunTool(copy, json, folder);
                if (retryError is null) return new WastConversion(wastPath, json, null, Version, rewrite);
            }
        }
        return new WastConversion(wastPath, null, error, Version);
    }

    // Returns null on success, else the first line of the tool's error output.
    private string? RunTool(string wastPath, string json, string folder)
    {
        var (exitCode, _, stderr) = Execute(_toolPath.Value, [wastPath, "-o", json], folder);
        if (exitCode == 0 && File.Exists(json)) return null;
        return stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? $"exit code {exitCode}";
    }

    private string ReadVersion()
    {
        var (exitCode, stdout, stderr) = Execute(_toolPath.Value, ["--version"], Path.GetTempPath());
        return exitCode == 0 ? stdout.Trim() : $"unknown ({stderr.Trim()})";
    }

    private static string FindTool()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "wast2json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("wast2json (wabt) was not found on PATH; install it with: apt-get install wabt");
    }

    private static (int ExitCode, string Stdout, string Stderr) Execute(string tool, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ConversionTimeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "", $"{tool} did not finish within {ConversionTimeout.TotalSeconds} s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Deletes the temporary folder.</summary>
    public void Dispose()
    {
        try
        {
            if (System.IO.Directory.Exists(_root)) System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail the run over it.
        }
    }
}
