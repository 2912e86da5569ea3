using System.Diagnostics;

namespace ScriptRunner.Tests.Support;

/// <summary>Builds binary modules from WebAssembly text with wabt's <c>wat2wasm</c>.</summary>
internal static class WatCompiler
{
    /// <summary>
    /// Compiles <paramref name="text"/>. With <paramref name="check"/> false, wat2wasm skips its own validation so
    /// that invalid modules can be produced for validator tests.
    /// </summary>
    public static byte[] Compile(string text, bool check = true)
    {
        var directory = Directory.CreateTempSubdirectory("wat");
        try
        {
            var input = Path.Combine(directory.FullName, "module.wat");
            var output = Path.Combine(directory.FullName, "module.wasm");
            File.WriteAllText(input, text);
            List<string> arguments = [input, "-o", output];
            if (!check) arguments.Add("--no-check");
            var start = new ProcessStartInfo("wat2wasm", arguments)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException("wat2wasm failed: " + errors);
            return File.ReadAllBytes(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
