using System.Runtime.CompilerServices;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>The third-party UMD builds in <c>Libraries/</c>, read from the source tree (see its README for versions and licences).</summary>
internal static class JavaScriptLibraries
{
    /// <summary>The text of <paramref name="fileName"/> in <c>Libraries/</c>.</summary>
    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Folder(), "Libraries", fileName));

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
