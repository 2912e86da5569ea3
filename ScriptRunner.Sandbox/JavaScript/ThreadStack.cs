using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>How much stack the calling thread has left below the current frame, asked of the operating system.</summary>
/// <remarks>
/// .NET does not expose a thread's stack size. When the caller already runs on a large-stack thread (the execution
/// scheduler's workers), the sandbox can run there instead of starting a thread of its own for every run.
/// </remarks>
internal static class ThreadStack
{
    // pthread_attr_t is 56 bytes on x64 glibc and 64 on arm64; musl's is smaller.
    private const int PthreadAttrBytes = 256;

    /// <summary>Bytes left between the current frame and the end of the stack; null when the platform cannot tell.</summary>
    public static long? Remaining()
    {
        try
        {
            var low = LowestAddress();
            return low is { } bottom ? (long)(CurrentAddress() - bottom) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static nuint? LowestAddress()
    {
        if (OperatingSystem.IsWindows())
        {
            GetCurrentThreadStackLimits(out var low, out _);
            return low;
        }

        if (!OperatingSystem.IsLinux()) return null;
        var attr = new byte[PthreadAttrBytes];
        if (pthread_getattr_np(pthread_self(), attr) != 0) return null;
        try
        {
            return pthread_attr_getstack(attr, out var address, out _) == 0 ? address : null;
        }
        finally
        {
            pthread_attr_destroy(attr);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nuint CurrentAddress()
    {
        byte marker = 0;
        return (nuint)Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref marker);
    }

    [DllImport("kernel32")]
    private static extern void GetCurrentThreadStackLimits(out nuint lowLimit, out nuint highLimit);

    [DllImport("libc")]
    private static extern nint pthread_self();

    [DllImport("libc")]
    private static extern int pthread_getattr_np(nint thread, byte[] attr);

    [DllImport("libc")]
    private static extern int pthread_attr_getstack(byte[] attr, out nuint stackAddress, out nuint stackSize);

    [DllImport("libc")]
    private static extern int pthread_attr_destroy(byte[] attr);
}
