using System.Diagnostics;
using System.Globalization;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Sandboxing.Protocol;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>Knows where the sandbox executable is and how to start it: which program, which arguments, which environment.</summary>
public sealed class SandboxLauncher
{
    /// <summary>The sandbox assembly's file name, looked for beside the app when no path is configured.</summary>
    public const string AssemblyFileName = "ScriptRunner.Sandbox.dll";

    // Spare managed heap above the largest execution cap: engines, caches and the protocol live there too.
    private const long HeapHeadroomBytes = 256L * 1024 * 1024;

    // What a sandbox process may see of the service's environment: enough to run .NET, nothing of the service's secrets.
    private static readonly string[] InheritedVariables = ["PATH", "HOME", "TMPDIR", "LANG", "DOTNET_ROOT", "DOTNET_ROOT_X64"];

    private readonly string _assembly;
    private readonly string _program;
    private readonly long _heapHardLimitBytes;

    /// <summary>A launcher for the configured executable, with a managed heap bounded above the largest memory cap.</summary>
    /// <exception cref="FileNotFoundException">No sandbox executable was found.</exception>
    public SandboxLauncher(SandboxOptions options, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        _assembly = string.IsNullOrEmpty(options.ExecutablePath)
            ? Path.Combine(AppContext.BaseDirectory, AssemblyFileName)
            : Path.GetFullPath(options.ExecutablePath);
        if (!File.Exists(_assembly)) throw new FileNotFoundException($"The sandbox executable was not found at '{_assembly}'.", _assembly);
        _program = _assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? DotnetHost() : _assembly;
        _heapHardLimitBytes = limits.MaxMemoryMb * 1024L * 1024L + HeapHeadroomBytes;
    }

    /// <summary>The executable that will be started.</summary>
    public string Executable => _assembly;

    /// <summary>How to start one sandbox process with its protocol on redirected stdin/stdout.</summary>
    public ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(_program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
        };
        if (!ReferenceEquals(_program, _assembly)) start.ArgumentList.Add(_assembly);
        start.ArgumentList.Add(SandboxProtocol.ServeSwitch);

        var inherited = InheritedVariables
            .Select(name => (name, value: Environment.GetEnvironmentVariable(name)))
            .Where(v => v.value is not null)
            .ToArray();
        start.Environment.Clear();
        foreach (var (name, value) in inherited) start.Environment[name] = value;
        start.Environment["DOTNET_GCHeapHardLimit"] = _heapHardLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    /// <summary>The <c>dotnet</c> host running this process, or the one on the usual paths.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return current;

        string?[] candidates =
        [
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root ? Path.Combine(root, "dotnet") : null,
            .. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, "dotnet")),
            "/usr/share/dotnet/dotnet",
            "/usr/lib/dotnet/dotnet",
        ];
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? throw new FileNotFoundException("No 'dotnet' host was found to start the sandbox executable.");
    }
}
