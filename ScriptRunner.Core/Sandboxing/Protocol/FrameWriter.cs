using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace ScriptRunner.Core.Sandboxing.Protocol;

/// <summary>Writes whole frames to a stream; safe to share between threads (each frame is written under one lock).</summary>
public sealed class FrameWriter(Stream stream)
{
    private readonly Lock _gate = new();

    /// <summary>Writes a frame with a raw payload.</summary>
    public void Write(FrameKind kind, ReadOnlySpan<byte> payload)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(SandboxProtocol.HeaderBytes + payload.Length);
        try
        {
            SandboxProtocol.WriteHeader(buffer, kind, payload.Length);
            payload.CopyTo(buffer.AsSpan(SandboxProtocol.HeaderBytes));
            WriteWhole(buffer.AsSpan(0, SandboxProtocol.HeaderBytes + payload.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes a frame whose payload is <paramref name="text"/> in UTF-8.</summary>
    public void WriteText(FrameKind kind, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var buffer = ArrayPool<byte>.Shared.Rent(SandboxProtocol.HeaderBytes + length);
        try
        {
            SandboxProtocol.WriteHeader(buffer, kind, length);
            Encoding.UTF8.GetBytes(text, buffer.AsSpan(SandboxProtocol.HeaderBytes));
            WriteWhole(buffer.AsSpan(0, SandboxProtocol.HeaderBytes + length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes a frame whose payload is <paramref name="value"/> as JSON.</summary>
    public void WriteJson<T>(FrameKind kind, T value) => Write(kind, JsonSerializer.SerializeToUtf8Bytes(value, SandboxProtocol.Json));

    /// <summary>Writes an <see cref="FrameKind.Execute"/> frame: the job's JSON, then its code.</summary>
    public void WriteExecute(Execution.SandboxJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        WriteWithTail(FrameKind.Execute, JsonSerializer.SerializeToUtf8Bytes(job, SandboxProtocol.Json), job.Code.Span);
    }

    /// <summary>Writes an <see cref="FrameKind.Outcome"/> frame: the message's JSON, then the result's JSON text.</summary>
    public void WriteOutcome(OutcomeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = message.Outcome.Result is { } written ? written.Utf8 : [];
        WriteWithTail(FrameKind.Outcome, JsonSerializer.SerializeToUtf8Bytes(message, SandboxProtocol.Json), result);
    }

    // A frame whose payload is a 4-byte length of a JSON part, that JSON, and raw bytes after it.
    private void WriteWithTail(FrameKind kind, byte[] json, ReadOnlySpan<byte> tail)
    {
        var length = 4 + json.Length + tail.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(SandboxProtocol.HeaderBytes + length);
        try
        {
            SandboxProtocol.WriteHeader(buffer, kind, length);
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(SandboxProtocol.HeaderBytes), json.Length);
            json.CopyTo(buffer.AsSpan(SandboxProtocol.HeaderBytes + 4));
            tail.CopyTo(buffer.AsSpan(SandboxProtocol.HeaderBytes + 4 + json.Length));
            WriteWhole(buffer.AsSpan(0, SandboxProtocol.HeaderBytes + length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void WriteWhole(ReadOnlySpan<byte> frame)
    {
        lock (_gate)
        {
            stream.Write(frame);
            stream.Flush();
        }
    }
}
