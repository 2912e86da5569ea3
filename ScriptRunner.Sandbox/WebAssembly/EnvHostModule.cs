using ScriptRunner.Core.Hosting;
using ScriptRunner.Wasm;
using static ScriptRunner.Wasm.ValueKind;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>
/// The <c>env</c> import module: <c>app_log</c>, <c>get_unixtime</c>, <c>capture_stdout</c>, <c>capture_stderr</c> and
/// <c>fetch</c>, bound to one run's host bindings. Strings are (pointer, length) pairs of UTF-8 in linear memory; a
/// range outside it is a trap naming the function and the argument.
/// </summary>
internal sealed class EnvHostModule(HostBindings host, CancellationToken cancellation)
{
    public const string ModuleName = "env";

    public void DefineIn(Linker linker)
    {
        Define(linker, "app_log", [I32, I32, I32, I32], [], AppLog);
        Define(linker, "get_unixtime", [], [I64], (_, _, results) => results[0] = Value.FromI64(host.UnixTime()));
        Define(linker, "capture_stdout", [I32, I32], [], (caller, args, _) =>
            host.Output.WriteStdout(GuestMemory.Of(caller, "env.capture_stdout").Span(args[0].AsI32(), args[1].AsI32(), "the text")));
        Define(linker, "capture_stderr", [I32, I32], [], (caller, args, _) =>
            host.Output.WriteStderr(GuestMemory.Of(caller, "env.capture_stderr").Span(args[0].AsI32(), args[1].AsI32(), "the text")));
        Define(linker, "fetch", [I32, I32, I32, I32], [I32], Fetch);
    }

    private static void Define(Linker linker, string name, ValueKind[] parameters, ValueKind[] results, HostCallback body) =>
        linker.DefineFunction(ModuleName, name, new FunctionType(parameters, results), (caller, args, values) =>
        {
            try
            {
                body(caller, args, values);
            }
            catch (GuestMemoryFault fault)
            {
                throw HostTrap.Create(fault.Message);
            }
        });

    // (level_ptr, level_len, msg_ptr, msg_len)
    private void AppLog(Caller caller, ReadOnlySpan<Value> args, Span<Value> results)
    {
        var memory = GuestMemory.Of(caller, "env.app_log");
        var level = memory.ReadUtf8(args[0].AsI32(), args[1].AsI32(), "the level");
        var message = memory.ReadUtf8(args[2].AsI32(), args[3].AsI32(), "the message");
        host.Output.Log(level, message);
    }

    // (options_ptr, options_len, resp_buf_ptr, resp_buf_max_len) -> bytes written or a negative SandboxFetchError.
    // Both ranges are checked before any network traffic, so a bad buffer never costs a request.
    private void Fetch(Caller caller, ReadOnlySpan<Value> args, Span<Value> results)
    {
        var memory = GuestMemory.Of(caller, "env.fetch");
        var options = memory.Span(args[0].AsI32(), args[1].AsI32(), "the options").ToArray();
        var buffer = args[2].AsI32();
        var capacity = args[3].AsI32();
        memory.Span(buffer, capacity, "the response buffer");

        var response = WasmFetch.Send(host.Fetcher, options, capacity, cancellation);
        if (response.Error is { } error)
        {
            results[0] = Value.FromI32((int)error);
            return;
        }

        var bytes = response.Json!;
        bytes.CopyTo(memory.Span(buffer, bytes.Length, "the response buffer"));
        results[0] = Value.FromI32(bytes.Length);
    }
}
