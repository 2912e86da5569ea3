using System.Buffers.Binary;
using ScriptRunner.Sandbox.WebAssembly.Host;
using static ScriptRunner.Sandbox.WebAssembly.Host.HostValueKind;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>
/// The descriptor calls that mean something on stdio: fd_write / fd_read on 0–2, fd_fdstat_get, fd_filestat_get,
/// fd_prestat_* (there are no preopens), fd_seek / fd_tell (pipes: ESPIPE), fd_close, fd_sync / fd_datasync.
/// </summary>
/// <remarks>
/// Stdio looks like a terminal (a character device without seek/tell rights) so wasi-libc line-buffers stdout and
/// <c>printf</c> lines interleave with <c>capture_stdout</c> in call order.
/// </remarks>
internal sealed class WasiStdio(WasiContext context)
{
    public const byte FileTypeCharacterDevice = 2;

    private const ulong RightFdRead = 1UL << 1;
    private const ulong RightFdWrite = 1UL << 6;
    private const ulong RightFdFilestatGet = 1UL << 21;
    private const ulong RightPollFdReadwrite = 1UL << 27;

    private const int IovecSize = 8;

    public void DefineIn(WasiImports imports)
    {
        imports.Define("fd_write", [I32, I32, I32, I32], Write);
        imports.Define("fd_read", [I32, I32, I32, I32], Read);
        imports.Define("fd_fdstat_get", [I32, I32], FdstatGet);
        imports.Define("fd_filestat_get", [I32, I32], FilestatGet);
        imports.Define("fd_prestat_get", [I32, I32], (in HostCall _) => WasiErrno.BadF);
        imports.Define("fd_prestat_dir_name", [I32, I32, I32], (in HostCall _) => WasiErrno.BadF);
        imports.Define("fd_seek", [I32, I64, I32, I32], (in HostCall call) => Unseekable(call.I32(0)));
        imports.Define("fd_tell", [I32, I32], (in HostCall call) => Unseekable(call.I32(0)));
        imports.Define("fd_close", [I32], (in HostCall call) => context.Close(call.I32(0)) ? WasiErrno.Success : WasiErrno.BadF);
        imports.Define("fd_sync", [I32], (in HostCall call) => Flushed(call.I32(0)));
        imports.Define("fd_datasync", [I32], (in HostCall call) => Flushed(call.I32(0)));
    }

    /// <summary>Whether <paramref name="fd"/> can be written: stdout or stderr while open.</summary>
    public bool IsWritable(int fd) => fd is WasiContext.Stdout or WasiContext.Stderr && context.IsOpen(fd);

    /// <summary>Whether <paramref name="fd"/> can be read: stdin while open.</summary>
    public bool IsReadable(int fd) => fd == WasiContext.Stdin && context.IsOpen(fd);

    // (fd, iovs_ptr, iovs_len, nwritten_ptr). Bytes past an output cap are dropped by the capture but still counted
    // as written, so a program does not spin retrying a write that can never progress.
    private WasiErrno Write(in HostCall call)
    {
        var fd = call.I32(0);
        if (!IsWritable(fd)) return WasiErrno.BadF;
        var memory = call.Memory;
        var vectors = call.I32(1);
        var count = (uint)call.I32(2);
        CheckIovecArray(memory, vectors, count);
        var written = 0UL;
        for (var i = 0u; i < count; i++)
        {
            var entry = unchecked(vectors + (int)(i * IovecSize));
            var buffer = (int)memory.ReadUInt32(entry, "the iovec array");
            var length = (int)memory.ReadUInt32(entry + 4, "the iovec array");
            var bytes = memory.Span(buffer, length, "an iovec buffer");
            if (fd == WasiContext.Stdout) context.Output.WriteStdout(bytes);
            else context.Output.WriteStderr(bytes);
            written += (uint)length;
        }

        memory.WriteUInt32(call.I32(3), (uint)Math.Min(written, uint.MaxValue), "nwritten");
        return WasiErrno.Success;
    }

    // (fd, iovs_ptr, iovs_len, nread_ptr)
    private WasiErrno Read(in HostCall call)
    {
        var fd = call.I32(0);
        if (!IsReadable(fd)) return WasiErrno.BadF;
        var memory = call.Memory;
        var vectors = call.I32(1);
        var count = (uint)call.I32(2);
        CheckIovecArray(memory, vectors, count);
        var read = 0UL;
        for (var i = 0u; i < count && context.StdinRemaining > 0; i++)
        {
            var entry = unchecked(vectors + (int)(i * IovecSize));
            var buffer = (int)memory.ReadUInt32(entry, "the iovec array");
            var length = (int)memory.ReadUInt32(entry + 4, "the iovec array");
            read += (uint)context.ReadStdin(memory.Span(buffer, length, "an iovec buffer"));
        }

        memory.WriteUInt32(call.I32(3), (uint)read, "nread");
        return WasiErrno.Success;
    }

    // (fd, fdstat_ptr): fdstat is { filetype u8 @0, flags u16 @2, rights_base u64 @8, rights_inheriting u64 @16 }.
    private WasiErrno FdstatGet(in HostCall call)
    {
        var fd = call.I32(0);
        if (!context.IsOpen(fd)) return WasiErrno.BadF;
        var stat = call.Memory.Span(call.I32(1), 24, "the fdstat");
        stat.Clear();
        stat[0] = FileTypeCharacterDevice;
        var rights = (fd == WasiContext.Stdin ? RightFdRead : RightFdWrite) | RightFdFilestatGet | RightPollFdReadwrite;
        BinaryPrimitives.WriteUInt64LittleEndian(stat[8..], rights);
        return WasiErrno.Success;
    }

    // (fd, filestat_ptr): filestat is 64 bytes; stdio has only a file type (u8 @16), everything else is zero.
    private WasiErrno FilestatGet(in HostCall call)
    {
        if (!context.IsOpen(call.I32(0))) return WasiErrno.BadF;
        var stat = call.Memory.Span(call.I32(1), 64, "the filestat");
        stat.Clear();
        stat[16] = FileTypeCharacterDevice;
        return WasiErrno.Success;
    }

    // The whole array must lie in memory before any of it is used: a huge count then faults at once instead of
    // looping over billions of entries.
    private static void CheckIovecArray(GuestMemory memory, int vectors, uint count)
    {
        if ((ulong)count * IovecSize > (ulong)memory.Length) throw new GuestMemoryFault("the iovec array is larger than linear memory");
        memory.Span(vectors, (int)(count * IovecSize), "the iovec array");
    }

    private WasiErrno Unseekable(int fd) => context.IsOpen(fd) ? WasiErrno.SPipe : WasiErrno.BadF;

    // Output goes straight into the capture, so there is never anything left to flush.
    private WasiErrno Flushed(int fd) => context.IsOpen(fd) ? WasiErrno.Success : WasiErrno.BadF;
}
