using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace ScriptRunner.Core.Sandboxing.Protocol;

/// <summary>One frame as read: its kind and payload.</summary>
public readonly record struct Frame(FrameKind Kind, byte[] Payload)
{
    /// <summary>The payload as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Payload);

    /// <summary>The payload as JSON of <typeparamref name="T"/>.</summary>
    public T Json<T>() => JsonSerializer.Deserialize<T>(Payload, SandboxProtocol.Json)
        ?? throw new InvalidDataException($"The {Kind} frame holds no value.");

    /// <summary>The job an <see cref="FrameKind.Execute"/> payload carries: its JSON, then its code.</summary>
    public Execution.SandboxJob Job()
    {
        var (json, code) = Split();
        var job = JsonSerializer.Deserialize<Execution.SandboxJob>(json.Span, SandboxProtocol.Json)
            ?? throw new InvalidDataException("The Execute frame holds no job.");
        return job with { Code = code };
    }

    /// <summary>The message an <see cref="FrameKind.Outcome"/> payload carries: its JSON, then the result's JSON text as it was written.</summary>
    public OutcomeMessage Outcome()
    {
        var (json, result) = Split();
        var message = JsonSerializer.Deserialize<OutcomeMessage>(json.Span, SandboxProtocol.Json)
            ?? throw new InvalidDataException("The Outcome frame holds no message.");
        return result.IsEmpty ? message : message with { Outcome = message.Outcome with { Result = Model.ResultJson.FromWritten(result) } };
    }

    // A payload of a 4-byte length of a JSON part, that JSON, and raw bytes after it.
    private (ReadOnlyMemory<byte> Json, ReadOnlyMemory<byte> Tail) Split()
    {
        var jsonLength = Payload.Length < 4 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(Payload);
        if (jsonLength < 0 || jsonLength > Payload.Length - 4) throw new InvalidDataException($"The {Kind} frame's JSON length is out of range.");
        return (Payload.AsMemory(4, jsonLength), Payload.AsMemory(4 + jsonLength));
    }
}

/// <summary>Reads frames from a stream, one reader at a time.</summary>
public sealed class FrameReader(Stream stream)
{
    private readonly byte[] _header = new byte[SandboxProtocol.HeaderBytes];

    /// <summary>The next frame, or null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">The stream broke mid-frame or announced an oversized frame.</exception>
    public async ValueTask<Frame?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!await FillAsync(_header, cancellationToken).ConfigureAwait(false)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(_header);
        if (length < 0 || length > SandboxProtocol.MaxPayloadBytes) throw new InvalidDataException($"A frame announced {length} bytes.");
        var payload = length == 0 ? [] : new byte[length];
        if (!await FillAsync(payload, cancellationToken).ConfigureAwait(false)) throw new InvalidDataException("The stream ended inside a frame.");
        return new Frame((FrameKind)_header[4], payload);
    }

    /// <summary>The next frame, read synchronously; null at the end of the stream.</summary>
    public Frame? Read()
    {
        if (!Fill(_header)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(_header);
        if (length < 0 || length > SandboxProtocol.MaxPayloadBytes) throw new InvalidDataException($"A frame announced {length} bytes.");
        var payload = length == 0 ? [] : new byte[length];
        if (!Fill(payload)) throw new InvalidDataException("The stream ended inside a frame.");
        return new Frame((FrameKind)_header[4], payload);
    }

    private async ValueTask<bool> FillAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0) return filled == 0 && buffer.Length > 0 ? false : throw new InvalidDataException("The stream ended inside a frame.");
            filled += read;
        }
        return true;
    }

    private bool Fill(Span<byte> buffer)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = stream.Read(buffer[filled..]);
            if (read == 0) return filled == 0 && buffer.Length > 0 ? false : throw new InvalidDataException("The stream ended inside a frame.");
            filled += read;
        }
        return true;
    }
}
