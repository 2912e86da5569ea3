using ScriptRunner.Sandbox.WebAssembly.Host;
using static ScriptRunner.Sandbox.WebAssembly.Host.HostValueKind;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>
/// Every preview1 function the sandbox does not support, answering the errno a POSIX system gives for that call on
/// the descriptor it names: there are no files, directories or sockets, only stdio. A descriptor that is not open is
/// EBADF; on stdio, paths are ENOTDIR, sockets ENOTSOCK, positioned I/O and advice ESPIPE, the rest ENOTSUP.
/// </summary>
internal sealed class WasiUnsupported(WasiContext context)
{
    public void DefineIn(WasiImports imports)
    {
        // Descriptor calls that need a regular file or directory.
        imports.Define("fd_pread", [I32, I32, I32, I64, I32], OnStdio(0, WasiErrno.SPipe));
        imports.Define("fd_pwrite", [I32, I32, I32, I64, I32], OnStdio(0, WasiErrno.SPipe));
        imports.Define("fd_advise", [I32, I64, I64, I32], OnStdio(0, WasiErrno.SPipe));
        imports.Define("fd_allocate", [I32, I64, I64], OnStdio(0, WasiErrno.SPipe));
        imports.Define("fd_filestat_set_size", [I32, I64], OnStdio(0, WasiErrno.Inval));
        imports.Define("fd_filestat_set_times", [I32, I64, I64, I32], OnStdio(0, WasiErrno.NotSup));
        imports.Define("fd_fdstat_set_flags", [I32, I32], OnStdio(0, WasiErrno.NotSup));
        imports.Define("fd_fdstat_set_rights", [I32, I64, I64], OnStdio(0, WasiErrno.NotSup));
        imports.Define("fd_readdir", [I32, I32, I32, I64, I32], OnStdio(0, WasiErrno.NotDir));
        imports.Define("fd_renumber", [I32, I32], OnStdio(0, WasiErrno.NotSup, secondDescriptor: 1));

        // Path calls resolve against a directory descriptor; without preopens none exists.
        imports.Define("path_create_directory", [I32, I32, I32], OnStdio(0, WasiErrno.NotDir));
        imports.Define("path_filestat_get", [I32, I32, I32, I32, I32], OnStdio(0, WasiErrno.NotDir));
        imports.Define("path_filestat_set_times", [I32, I32, I32, I32, I64, I64, I32], OnStdio(0, WasiErrno.NotDir));
        imports.Define("path_link", [I32, I32, I32, I32, I32, I32, I32], OnStdio(0, WasiErrno.NotDir, secondDescriptor: 4));
        imports.Define("path_open", [I32, I32, I32, I32, I32, I64, I64, I32, I32], OnStdio(0, WasiErrno.NotDir));
        imports.Define("path_readlink", [I32, I32, I32, I32, I32, I32], OnStdio(0, WasiErrno.NotDir));
        imports.Define("path_remove_directory", [I32, I32, I32], OnStdio(0, WasiErrno.NotDir));
        imports.Define("path_rename", [I32, I32, I32, I32, I32, I32], OnStdio(0, WasiErrno.NotDir, secondDescriptor: 3));
        imports.Define("path_symlink", [I32, I32, I32, I32, I32], OnStdio(2, WasiErrno.NotDir));
        imports.Define("path_unlink_file", [I32, I32, I32], OnStdio(0, WasiErrno.NotDir));

        // Sockets: preview1 can only use sockets handed in as descriptors, and none are.
        imports.Define("sock_accept", [I32, I32, I32], OnStdio(0, WasiErrno.NotSock));
        imports.Define("sock_recv", [I32, I32, I32, I32, I32, I32], OnStdio(0, WasiErrno.NotSock));
        imports.Define("sock_send", [I32, I32, I32, I32, I32], OnStdio(0, WasiErrno.NotSock));
        imports.Define("sock_shutdown", [I32, I32], OnStdio(0, WasiErrno.NotSock));
    }

    /// <summary>
    /// EBADF unless the descriptor argument(s) at <paramref name="descriptor"/> (and <paramref name="secondDescriptor"/>)
    /// are open, else <paramref name="onStdio"/>.
    /// </summary>
    private WasiFunction OnStdio(int descriptor, WasiErrno onStdio, int? secondDescriptor = null) => (in HostCall call) =>
    {
        if (!context.IsOpen(call.I32(descriptor))) return WasiErrno.BadF;
        if (secondDescriptor is { } second && !context.IsOpen(call.I32(second))) return WasiErrno.BadF;
        return onStdio;
    };
}
