using ScriptRunner.Core.Hosting;
using ScriptRunner.Sandbox.WebAssembly.Host;
using static ScriptRunner.Sandbox.WebAssembly.Host.HostValueKind;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>
/// The <c>env</c> import module: <c>app_log</c>, <c>get_unixtime</c>, <c>capture_stdout</c>, <c>capture_stderr</c> and
/// <c>fetch</c>, bound to one run's host bindings. Strings are (pointer, length) pairs of UTF-8 in linear memory; a
/// range outside it is a trap naming the function and the argument. Every range is checked against the memory before
/// a byte is copied, so a huge length costs nothing.
/// </summary>
internal sealed class EnvHostModule(HostBindings host, CancellationToken cancellation)
{
    public const string ModuleName = "env";

    /// <summary>
    /// Largest fetch options the host reads: far above any request body the fetch policy allows, even JSON-escaped,
    /// and far below what copying would cost the process.
    /// </summary>
    public const int MaxOptionsBytes = 64 * 1024 * 1024;

    /// <summary>Adds the env functions to <paramref name="functions"/>.</summary>
    public void AddTo(List<HostFunction> functions)
    {
        Add(functions, "app_log", [I32, I32, I32, I32], [], AppLog);
        Add(functions, "get_unixtime", [], [I64], (in HostCall _, Span<long> results) => results[0] = host.UnixTime());
        Add(functions, "capture_stdout", [I32, I32], [], (in HostCall call, Span<long> _) =>
            host.Output.WriteStdout(call.Memory.Span(call.I32(0), call.I32(1), "the text")));
        Add(functions, "capture_stderr", [I32, I32], [], (in HostCall call, Span<long> _) =>
            host.Output.WriteStderr(call.Memory.Span(call.I32(0), call.I32(1), "the text")));
        Add(functions, "fetch", [I32, I32, I32, I32], [I32], Fetch);
    }

    private static void Add(List<HostFunction> functions, string name, HostValueKind[] parameters, HostValueKind[] results, HostFunctionBody body) =>
        functions.Add(new HostFunction(ModuleName, name, parameters, results, (in HostCall call, Span<long> values) =>
        {
            try
            {
                body(call, values);
            }
            catch (GuestMemoryFault fault)
            {
                throw HostTrapException.Misuse(fault.Message);
            }
        }));

    // (level_ptr, level_len, msg_ptr, msg_len)
    private void AppLog(in HostCall call, Span<long> results)
    {
        var memory = call.Memory;
        host.Output.Log(memory.Span(call.I32(0), call.I32(1), "the level"), memory.Span(call.I32(2), call.I32(3), "the message"));
    }

    // (options_ptr, options_len, resp_buf_ptr, resp_buf_max_len) -> bytes written or a negative SandboxFetchError.
    // Both ranges are checked before any network traffic, so a bad buffer never costs a request.
    private void Fetch(in HostCall call, Span<long> results)
    {
        var memory = call.Memory;
        var options = memory.Span(call.I32(0), call.I32(1), "the options");
        var buffer = call.I32(2);
        var capacity = call.I32(3);
        memory.Span(buffer, capacity, "the response buffer");
        if (options.Length > MaxOptionsBytes)
        {
            results[0] = (int)SandboxFetchError.PolicyRefused;
            return;
        }

        var response = WasmFetch.Send(host.Fetcher, options, capacity, cancellation);
        if (response.Error is { } error)
        {
            results[0] = (int)error;
            return;
        }

        // The guest does not run during a host call, so the range checked above still holds.
        var bytes = response.Json!;
        bytes.CopyTo(memory.Span(buffer, bytes.Length, "the response buffer"));
        results[0] = bytes.Length;
    }
}
