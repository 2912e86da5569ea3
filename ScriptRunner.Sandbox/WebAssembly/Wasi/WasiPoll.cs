using System.Buffers.Binary;
using ScriptRunner.Sandbox.WebAssembly.Host;
using static ScriptRunner.Sandbox.WebAssembly.Host.HostValueKind;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>
/// <c>poll_oneoff</c> over clocks and stdio. Stdio never blocks (stdin is fully buffered, output goes straight to the
/// capture), so descriptor subscriptions are ready at once; only clock-only polls sleep, and the sleep ends at the
/// run's deadline with a Timeout trap.
/// </summary>
internal sealed class WasiPoll(WasiContext context, WasiStdio stdio, WasiClocksRandom clocks)
{
    private const int SubscriptionSize = 48;
    private const int MaxSubscriptions = 1 << 16;
    private const int EventSize = 32;

    private const byte EventTypeClock = 0;
    private const byte EventTypeFdRead = 1;
    private const byte EventTypeFdWrite = 2;

    private const ushort SubscriptionClockAbsolute = 1;

    // Longest single wait; longer sleeps loop, re-reading the clock.
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    public void DefineIn(WasiImports imports) => imports.Define("poll_oneoff", [I32, I32, I32, I32], Poll);

    // (in_ptr, out_ptr, nsubscriptions, nevents_ptr)
    private WasiErrno Poll(in HostCall call)
    {
        var memory = call.Memory;
        var input = call.I32(0);
        var output = call.I32(1);
        var count = call.I32(2);
        // Far more than any program waits on at once; a larger count would only make the host copy guest memory.
        if (count <= 0 || count > MaxSubscriptions) return WasiErrno.Inval;
        if ((long)count * SubscriptionSize > memory.Length) return WasiErrno.Fault;

        var subscriptions = memory.Span(input, count * SubscriptionSize, "the subscriptions").ToArray();
        memory.Span(output, count * EventSize, "the events");

        var events = new List<Event>();
        var clocksWaiting = new List<(ulong UserData, ulong Deadline)>();
        var now = context.MonotonicNanoseconds();
        for (var i = 0; i < count; i++)
        {
            var subscription = subscriptions.AsSpan(i * SubscriptionSize, SubscriptionSize);
            var userData = BinaryPrimitives.ReadUInt64LittleEndian(subscription);
            var body = subscription[16..];
            switch (subscription[8])
            {
                case EventTypeClock:
                    if (ClockDeadline(body, now) is { } deadline) clocksWaiting.Add((userData, deadline));
                    else events.Add(new Event(userData, WasiErrno.Inval, EventTypeClock, 0));
                    break;
                case EventTypeFdRead:
                    var readFd = BinaryPrimitives.ReadInt32LittleEndian(body);
                    events.Add(stdio.IsReadable(readFd)
                        ? new Event(userData, WasiErrno.Success, EventTypeFdRead, (ulong)context.StdinRemaining)
                        : new Event(userData, WasiErrno.BadF, EventTypeFdRead, 0));
                    break;
                case EventTypeFdWrite:
                    var writeFd = BinaryPrimitives.ReadInt32LittleEndian(body);
                    events.Add(new Event(userData, stdio.IsWritable(writeFd) ? WasiErrno.Success : WasiErrno.BadF, EventTypeFdWrite, 0));
                    break;
                default:
                    return WasiErrno.Inval;
            }
        }

        if (events.Count == 0)
        {
            // Only clocks: sleep until the earliest one fires.
            WaitUntil(clocksWaiting.Min(c => c.Deadline));
        }

        now = context.MonotonicNanoseconds();
        foreach (var (userData, deadline) in clocksWaiting)
        {
            if (deadline <= now) events.Add(new Event(userData, WasiErrno.Success, EventTypeClock, 0));
        }

        var target = memory.Span(output, events.Count * EventSize, "the events");
        target.Clear();
        for (var i = 0; i < events.Count; i++)
        {
            var slot = target.Slice(i * EventSize, EventSize);
            var e = events[i];
            BinaryPrimitives.WriteUInt64LittleEndian(slot, e.UserData);
            BinaryPrimitives.WriteUInt16LittleEndian(slot[8..], (ushort)e.Error);
            slot[10] = e.Type;
            BinaryPrimitives.WriteUInt64LittleEndian(slot[16..], e.Bytes);
        }

        memory.WriteUInt32(call.I32(3), (uint)events.Count, "nevents");
        return WasiErrno.Success;
    }

    // A clock subscription body is { id u32 @0, timeout u64 @8, precision u64 @16, flags u16 @24 }; the deadline is
    // expressed on the monotonic clock. Null for an unknown clock.
    private ulong? ClockDeadline(ReadOnlySpan<byte> body, ulong monotonicNow)
    {
        var clock = BinaryPrimitives.ReadInt32LittleEndian(body);
        var timeout = BinaryPrimitives.ReadUInt64LittleEndian(body[8..]);
        var absolute = (BinaryPrimitives.ReadUInt16LittleEndian(body[24..]) & SubscriptionClockAbsolute) != 0;
        if (clocks.Now(clock) is not { } clockNow) return null;
        var remaining = absolute ? (timeout > clockNow ? timeout - clockNow : 0) : timeout;
        return ulong.MaxValue - monotonicNow < remaining ? ulong.MaxValue : monotonicNow + remaining;
    }

    private void WaitUntil(ulong deadline)
    {
        while (true)
        {
            var now = context.MonotonicNanoseconds();
            if (now >= deadline) return;
            var wait = TimeSpan.FromTicks((long)Math.Min((deadline - now + 99) / 100, (ulong)MaxWait.Ticks));
            if (context.Cancellation.WaitHandle.WaitOne(wait)) throw HostTrapException.Timeout();
        }
    }

    private readonly record struct Event(ulong UserData, WasiErrno Error, byte Type, ulong Bytes);
}
