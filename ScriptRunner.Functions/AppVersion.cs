using System.Reflection;

namespace ScriptRunner.Functions;

/// <summary>The version reported by the health check and telemetry.</summary>
internal static class AppVersion
{
    /// <summary>The informational version without its source-revision suffix.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var version = typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(AppVersion).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
