using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.WebAssembly.Wasi;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>The WASI preview1 subset, driven by C programs built against wasi-libc.</summary>
public sealed class WasiPreview1Tests
{
    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void WasiLibc_ClocksRandomPollAndStdio_BehaveAsOnATerminal(string engine)
    {
        var run = WasmRun.Fixture("wasi_calls.wasm", engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal(
            "monotonic resolution positive=1\n" +
            "realtime after 2020=1\n" +
            "nanosleep=0 slept at least 20ms=1\n" +
            "sched_yield=0\n" +
            "getentropy=0 nonzero bytes>32=1\n" +
            "isatty(1)=1\n" +
            "fstat(0)=0 chardev=1\n" +
            "lseek(1)=-1 errno=ESPIPE\n" +
            // wasi-libc finds no preopened directory and refuses before calling path_open.
            "open=-1 errno=ENOTCAPABLE\n" +
            "write(7)=-1 errno=EBADF\n",
            run.Stdout);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void UnsupportedAndMisdirectedCalls_AnswerTheirErrno_WithoutTrapping(string engine)
    {
        var run = WasmRun.Fixture("wasi_errno.wasm", engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        var answers = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('='))
            .ToDictionary(parts => parts[0], parts => (WasiErrno)int.Parse(parts[1]));
        var expected = new Dictionary<string, WasiErrno>
        {
            ["fd_write(9)"] = WasiErrno.BadF,
            ["fd_write(0)"] = WasiErrno.BadF,
            ["fd_read(1)"] = WasiErrno.BadF,
            ["fd_read(9)"] = WasiErrno.BadF,
            ["fd_fdstat_get(9)"] = WasiErrno.BadF,
            ["fd_prestat_get(3)"] = WasiErrno.BadF,
            ["fd_prestat_dir_name(3)"] = WasiErrno.BadF,
            ["fd_seek(1)"] = WasiErrno.SPipe,
            ["fd_seek(9)"] = WasiErrno.BadF,
            ["fd_tell(1)"] = WasiErrno.SPipe,
            ["fd_filestat_get(9)"] = WasiErrno.BadF,
            ["fd_close(9)"] = WasiErrno.BadF,
            ["fd_pread(0)"] = WasiErrno.SPipe,
            ["fd_pwrite(1)"] = WasiErrno.SPipe,
            ["fd_advise(1)"] = WasiErrno.SPipe,
            ["fd_allocate(1)"] = WasiErrno.SPipe,
            ["fd_datasync(9)"] = WasiErrno.BadF,
            ["fd_sync(9)"] = WasiErrno.BadF,
            ["fd_fdstat_set_flags(1)"] = WasiErrno.NotSup,
            ["fd_fdstat_set_rights(1)"] = WasiErrno.NotSup,
            ["fd_filestat_set_size(1)"] = WasiErrno.Inval,
            ["fd_filestat_set_times(1)"] = WasiErrno.NotSup,
            ["fd_readdir(0)"] = WasiErrno.NotDir,
            ["fd_readdir(9)"] = WasiErrno.BadF,
            ["fd_renumber(9,1)"] = WasiErrno.BadF,
            ["path_create_directory(3)"] = WasiErrno.BadF,
            ["path_filestat_get(3)"] = WasiErrno.BadF,
            ["path_filestat_set_times(3)"] = WasiErrno.BadF,
            ["path_link(3)"] = WasiErrno.BadF,
            ["path_open(3)"] = WasiErrno.BadF,
            ["path_open(0)"] = WasiErrno.NotDir,
            ["path_readlink(3)"] = WasiErrno.BadF,
            ["path_remove_directory(3)"] = WasiErrno.BadF,
            ["path_rename(3)"] = WasiErrno.BadF,
            ["path_symlink(3)"] = WasiErrno.BadF,
            ["path_unlink_file(3)"] = WasiErrno.BadF,
            ["sock_accept(0)"] = WasiErrno.NotSock,
            ["sock_accept(9)"] = WasiErrno.BadF,
            ["sock_recv(0)"] = WasiErrno.NotSock,
            ["sock_send(1)"] = WasiErrno.NotSock,
            ["sock_shutdown(1)"] = WasiErrno.NotSock,
            ["sock_shutdown(9)"] = WasiErrno.BadF,
            ["clock_time_get(99)"] = WasiErrno.Inval,
            ["clock_res_get(99)"] = WasiErrno.Inval,
            ["poll_oneoff(0 subscriptions)"] = WasiErrno.Inval,
            ["fd_close(2)"] = WasiErrno.Success,
            ["fd_write(2) after close"] = WasiErrno.BadF,
        };
        Assert.Equal(expected, answers);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void ModuleImportingUnknownFunctions_FailsAtInstantiation_ListingEveryUnknownImport(string engine)
    {
        var run = WasmRun.Fixture("unknown_imports.wasm", engineName: engine);

        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.StartsWith(
            "the module imports what the sandbox does not provide: env::launch_missiles, " +
            "wasi_snapshot_preview1::thread_spawn, os::system (",
            run.Outcome.Error);
    }
}
