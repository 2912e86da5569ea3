using System.Text;
using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>The state WASI exposes to one run: argv, environ, stdio and the clock. Used from the run's thread only.</summary>
internal sealed class WasiContext
{
    /// <summary>argv[0]: modules arrive as bytes, so there is no file name to report.</summary>
    public const string ProgramName = "main.wasm";

    public const int Stdin = 0;
    public const int Stdout = 1;
    public const int Stderr = 2;

    private readonly byte[] _stdin;
    private readonly bool[] _closed = new bool[3];
    private int _stdinPosition;

    public WasiContext(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        string? stdin,
        HostBindings host,
        CancellationToken cancellation)
    {
        Arguments = [Encoding.UTF8.GetBytes(ProgramName), .. args.Select(Encoding.UTF8.GetBytes)];
        Environment = [.. environment.Select(pair => Encoding.UTF8.GetBytes($"{pair.Key}={pair.Value}"))];
        _stdin = stdin is null ? [] : Encoding.UTF8.GetBytes(stdin);
        Output = host.Output;
        Clock = host.Clock;
        Cancellation = cancellation;
        StartTimestamp = Clock.GetTimestamp();
    }

    /// <summary>argv as UTF-8, program name first.</summary>
    public IReadOnlyList<byte[]> Arguments { get; }

    /// <summary>environ as UTF-8 <c>KEY=VALUE</c> strings.</summary>
    public IReadOnlyList<byte[]> Environment { get; }

    public OutputCapture Output { get; }

    public TimeProvider Clock { get; }

    /// <summary>Cancelled at the run's deadline; blocking calls (poll_oneoff) wait on it.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Clock timestamp when the run started: the origin of the CPU-time clocks.</summary>
    public long StartTimestamp { get; }

    /// <summary>Bytes of stdin not read yet.</summary>
    public int StdinRemaining => _stdin.Length - _stdinPosition;

    /// <summary>True for the three stdio descriptors until the guest closes them; no other descriptor ever exists.</summary>
    public bool IsOpen(int fd) => fd is >= Stdin and <= Stderr && !_closed[fd];

    /// <summary>Closes a stdio descriptor; false when it was not open.</summary>
    public bool Close(int fd)
    {
        if (!IsOpen(fd)) return false;
        _closed[fd] = true;
        return true;
    }

    /// <summary>Copies the next stdin bytes into <paramref name="destination"/>; 0 at end of input.</summary>
    public int ReadStdin(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, StdinRemaining);
        _stdin.AsSpan(_stdinPosition, count).CopyTo(destination);
        _stdinPosition += count;
        return count;
    }

    /// <summary>Nanoseconds on the monotonic clock (the host clock's timestamp).</summary>
    public ulong MonotonicNanoseconds() => ToNanoseconds(Clock.GetTimestamp());

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public ulong RealtimeNanoseconds() =>
        (ulong)(Clock.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    /// <summary>Nanoseconds since the run started, standing in for process and thread CPU time.</summary>
    public ulong ElapsedNanoseconds() => ToNanoseconds(Clock.GetTimestamp() - StartTimestamp);

    /// <summary>Resolution of <see cref="MonotonicNanoseconds"/> in nanoseconds (at least 1).</summary>
    public ulong TimestampResolutionNanoseconds() => Math.Max(1, 1_000_000_000UL / (ulong)Clock.TimestampFrequency);

    private ulong ToNanoseconds(long timestamp) =>
        (ulong)((Int128)timestamp * 1_000_000_000 / Clock.TimestampFrequency);
}
