using System.Diagnostics;

namespace ScriptRunner.Tests.Wasm.Execution;

/// <summary>Builds WebAssembly binaries from text with wabt's wat2wasm (installed on dev machines and CI).</summary>
internal static class Wat
{
    public static byte[] ToWasm(string text)
    {
        var directory = Directory.CreateTempSubdirectory("wat");
        try
        {
            var input = Path.Combine(directory.FullName, "module.wat");
            var output = Path.Combine(directory.FullName, "module.wasm");
            File.WriteAllText(input, text);
            var start = new ProcessStartInfo("wat2wasm", [input, "-o", output])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("wat2wasm failed: " + errors);
            }

            return File.ReadAllBytes(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
