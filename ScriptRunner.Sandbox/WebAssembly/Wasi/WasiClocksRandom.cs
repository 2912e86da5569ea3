using System.Security.Cryptography;
using ScriptRunner.Sandbox.WebAssembly.Host;
using static ScriptRunner.Sandbox.WebAssembly.Host.HostValueKind;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary><c>clock_res_get</c>, <c>clock_time_get</c> and <c>random_get</c>.</summary>
internal sealed class WasiClocksRandom(WasiContext context)
{
    /// <summary>The preview1 clock ids.</summary>
    public const int Realtime = 0;
    public const int Monotonic = 1;
    public const int ProcessCpuTime = 2;
    public const int ThreadCpuTime = 3;

    // UtcNow advances in 100 ns ticks.
    private const ulong RealtimeResolution = 100;

    public void DefineIn(WasiImports imports)
    {
        imports.Define("clock_res_get", [I32, I32], ClockResolution);
        imports.Define("clock_time_get", [I32, I64, I32], ClockTime);
        imports.Define("random_get", [I32, I32], Random);
    }

    /// <summary>The current time of <paramref name="clock"/> in nanoseconds, or null for an unknown clock id.</summary>
    public ulong? Now(int clock) => clock switch
    {
        Realtime => context.RealtimeNanoseconds(),
        Monotonic => context.MonotonicNanoseconds(),
        ProcessCpuTime or ThreadCpuTime => context.ElapsedNanoseconds(),
        _ => null,
    };

    // (id, resolution_ptr)
    private WasiErrno ClockResolution(in HostCall call)
    {
        ulong resolution;
        switch (call.I32(0))
        {
            case Realtime:
                resolution = RealtimeResolution;
                break;
            case Monotonic or ProcessCpuTime or ThreadCpuTime:
                resolution = context.TimestampResolutionNanoseconds();
                break;
            default:
                return WasiErrno.Inval;
        }

        call.Memory.WriteUInt64(call.I32(1), resolution, "the resolution");
        return WasiErrno.Success;
    }

    // (id, precision, time_ptr): the precision is a hint we can always meet.
    private WasiErrno ClockTime(in HostCall call)
    {
        if (Now(call.I32(0)) is not { } now) return WasiErrno.Inval;
        call.Memory.WriteUInt64(call.I32(2), now, "the time");
        return WasiErrno.Success;
    }

    // (buffer_ptr, length)
    private static WasiErrno Random(in HostCall call)
    {
        RandomNumberGenerator.Fill(call.Memory.Span(call.I32(0), call.I32(1), "the buffer"));
        return WasiErrno.Success;
    }
}
