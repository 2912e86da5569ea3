using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ScriptRunner.Core.Sandboxing.Protocol;

/// <summary>
/// The wire protocol between the service and a sandbox process, over the child's stdin (parent to child) and stdout
/// (child to parent). The child's stderr is not part of it: the parent keeps its tail to explain a crash.
/// </summary>
/// <remarks>
/// <para>Every message is one frame: a 4-byte little-endian payload length, a 1-byte <see cref="FrameKind"/>, then the
/// payload. JSON payloads use <see cref="Json"/> (camelCase). A frame longer than <see cref="MaxPayloadBytes"/> is a
/// protocol violation and ends the process.</para>
/// <para>Conversation:</para>
/// <list type="number">
/// <item>Parent → <see cref="FrameKind.Configure"/> (JSON <c>ScriptRunnerOptions</c>): the settings the engines need.</item>
/// <item>Child → <see cref="FrameKind.Ready"/> (JSON <see cref="ReadyMessage"/>) once warm.</item>
/// <item>Per execution: parent → <see cref="FrameKind.Execute"/>: a 4-byte little-endian length of the JSON
/// <see cref="Execution.SandboxJob"/>, that JSON, then the code bytes. The job carries its absolute deadline: the
/// child stops the run then by itself. While it runs the child streams
/// <see cref="FrameKind.Stdout"/>/<see cref="FrameKind.Stderr"/> (UTF-8 text), <see cref="FrameKind.Log"/> (JSON
/// <see cref="Model.LogEntry"/>) and <see cref="FrameKind.Truncated"/> (one byte: an <see cref="Hosting.OutputStream"/>),
/// then <see cref="FrameKind.Outcome"/>: a 4-byte little-endian length of the JSON <see cref="OutcomeMessage"/>, that
/// JSON, then the result's JSON text as the child wrote it (none for no result), which the parent answers as it is. When the outcome carries the child's idle
/// memory the child is already idle; otherwise it cleans up and then sends <see cref="FrameKind.Idle"/> (JSON
/// <see cref="IdleMessage"/>) when it can take the next execution.</item>
/// <item>Parent → <see cref="FrameKind.Cancel"/> (empty) when the caller gives up: the child cancels the running execution.</item>
/// <item>The parent closes the child's stdin to retire it; the child exits. A child that does not answer in time is killed.</item>
/// </list>
/// </remarks>
public static class SandboxProtocol
{
    /// <summary>Bytes before the payload: length and kind.</summary>
    public const int HeaderBytes = 5;

    /// <summary>The largest payload either side accepts.</summary>
    public const int MaxPayloadBytes = 256 * 1024 * 1024;

    /// <summary>The command-line switch that starts the sandbox executable as a pool member.</summary>
    public const string ServeSwitch = "--serve";

    /// <summary>JSON conventions of every JSON payload.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 256,
        // The messages' generated code first; anything else the same conventions by reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ProtocolJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>Writes the 5-byte frame header into <paramref name="destination"/>.</summary>
    public static void WriteHeader(Span<byte> destination, FrameKind kind, int payloadLength)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, payloadLength);
        destination[4] = (byte)kind;
    }
}

/// <summary>What a frame carries.</summary>
public enum FrameKind : byte
{
    Configure = 1,
    Execute = 2,
    Cancel = 3,
    Ready = 10,
    Stdout = 11,
    Stderr = 12,
    Log = 13,
    Truncated = 14,
    Outcome = 15,
    Idle = 16,
}
