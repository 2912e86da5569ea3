using System.Runtime.InteropServices;

namespace ScriptRunner.Sandbox.Hosting;

/// <summary>The C library's heap, where the engines' native allocations (V8's, Wasmtime's) live.</summary>
internal static partial class NativeHeap
{
    /// <summary>
    /// Hands the heap's free pages back to the system. glibc keeps freed memory in its arenas for reuse, so without
    /// this a process keeps the size of its largest run long after it.
    /// </summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = malloc_trim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library (musl): it returns memory by itself.
        }
    }

    [LibraryImport("libc")]
    private static partial int malloc_trim(nuint pad);
}
