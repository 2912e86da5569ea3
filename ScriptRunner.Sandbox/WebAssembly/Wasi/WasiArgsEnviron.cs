using ScriptRunner.Sandbox.WebAssembly.Host;
using static ScriptRunner.Sandbox.WebAssembly.Host.HostValueKind;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary><c>args_*</c> and <c>environ_*</c>: argv and environ as NUL-terminated UTF-8 strings.</summary>
internal sealed class WasiArgsEnviron(WasiContext context)
{
    public void DefineIn(WasiImports imports)
    {
        imports.Define("args_sizes_get", [I32, I32], (in HostCall call) => Sizes(call, context.Arguments));
        imports.Define("args_get", [I32, I32], (in HostCall call) => Copy(call, context.Arguments));
        imports.Define("environ_sizes_get", [I32, I32], (in HostCall call) => Sizes(call, context.Environment));
        imports.Define("environ_get", [I32, I32], (in HostCall call) => Copy(call, context.Environment));
    }

    // (count_ptr, buffer_size_ptr): the number of strings and the bytes they need, terminators included.
    private static WasiErrno Sizes(in HostCall call, IReadOnlyList<byte[]> strings)
    {
        var memory = call.Memory;
        var bufferSize = strings.Sum(s => (long)s.Length + 1);
        if (bufferSize > uint.MaxValue) return WasiErrno.Overflow;
        memory.WriteUInt32(call.I32(0), (uint)strings.Count, "the count");
        memory.WriteUInt32(call.I32(1), (uint)bufferSize, "the buffer size");
        return WasiErrno.Success;
    }

    // (pointers_ptr, buffer_ptr): an array of pointers into one buffer of NUL-terminated strings.
    private static WasiErrno Copy(in HostCall call, IReadOnlyList<byte[]> strings)
    {
        var memory = call.Memory;
        var pointers = call.I32(0);
        var buffer = call.I32(1);
        var offset = 0u;
        for (var i = 0; i < strings.Count; i++)
        {
            var text = strings[i];
            var address = unchecked((uint)buffer + offset);
            memory.WriteUInt32(unchecked(pointers + i * 4), address, "the pointer array");
            var target = memory.Span((int)address, text.Length + 1, "the string buffer");
            text.CopyTo(target);
            target[^1] = 0;
            offset += (uint)text.Length + 1;
        }

        return WasiErrno.Success;
    }
}
