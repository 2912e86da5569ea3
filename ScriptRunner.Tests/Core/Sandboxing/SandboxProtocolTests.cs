using System.Buffers.Binary;
using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Sandboxing.Protocol;

namespace ScriptRunner.Tests.Core.Sandboxing;

/// <summary>The frames between the service and a sandbox process, as documented in <see cref="SandboxProtocol"/>.</summary>
public sealed class SandboxProtocolTests
{
    [Fact]
    public void Frame_IsLengthKindPayload()
    {
        var stream = new MemoryStream();
        new FrameWriter(stream).WriteText(FrameKind.Stdout, "hé");

        Assert.Equal(new byte[] { 3, 0, 0, 0, (byte)FrameKind.Stdout, (byte)'h', 0xC3, 0xA9 }, stream.ToArray());
    }

    [Fact]
    public void Frames_RoundTrip_InOrder()
    {
        var stream = new MemoryStream();
        var writer = new FrameWriter(stream);
        writer.WriteText(FrameKind.Stderr, "warn");
        writer.WriteJson(FrameKind.Idle, new IdleMessage(1234));
        writer.Write(FrameKind.Cancel, []);
        stream.Position = 0;
        var reader = new FrameReader(stream);

        Assert.Equal("warn", reader.Read()!.Value.Text);
        Assert.Equal(1234, reader.Read()!.Value.Json<IdleMessage>().ResidentBytes);
        Assert.Equal((FrameKind.Cancel, 0), (reader.Read()!.Value.Kind, reader.Read() is null ? 0 : 1));
    }

    [Fact]
    public void ExecuteFrame_CarriesTheJob_ThenTheCodeBytes()
    {
        var job = new SandboxJob
        {
            Code = new byte[] { 0, 0x61, 0x73, 0x6D },
            Sha256 = "abc",
            CodeType = CodeType.Wasm,
            Engine = EngineNames.Managed,
            Handler = "run",
            Params = [JsonDocument.Parse("7").RootElement],
            EnvVars = new Dictionary<string, string> { ["K"] = "V" },
            Timeout = TimeSpan.FromMilliseconds(1500),
            MemoryLimitBytes = 64L << 20,
            Deadline = new DateTimeOffset(2026, 12, 6, 5, 30, 0, 123, TimeSpan.Zero),
        };
        var stream = new MemoryStream();
        new FrameWriter(stream).WriteExecute(job);
        stream.Position = 0;

        var back = new FrameReader(stream).Read()!.Value.Job();

        Assert.Equal(job.Code.ToArray(), back.Code.ToArray());
        Assert.Equal((job.Sha256, job.CodeType, job.Engine, job.Handler), (back.Sha256, back.CodeType, back.Engine, back.Handler));
        Assert.Equal(7, back.Params.Single().GetInt32());
        Assert.Equal("V", back.EnvVars["K"]);
        Assert.Equal((job.Timeout, job.MemoryLimitBytes, job.Deadline), (back.Timeout, back.MemoryLimitBytes, back.Deadline));
    }

    [Fact]
    public void OutcomeFrame_CarriesTheResultText_AsTheChildWroteIt()
    {
        var outcome = SandboxOutcome.Succeeded(System.Text.Json.Nodes.JsonNode.Parse("""{"b":[1,2.5,"é<"],"a":null}"""));
        var stream = new MemoryStream();
        new FrameWriter(stream).WriteOutcome(new OutcomeMessage(outcome, 1.5, 42));
        stream.Position = 0;

        var back = new FrameReader(stream).Read()!.Value.Outcome();

        Assert.Equal("""{"b":[1,2.5,"é<"],"a":null}""", back.Outcome.Result!.ToJsonString());
        Assert.Equal((true, 1.5, 42L), (back.Outcome.Success, back.ElapsedMs, back.IdleResidentBytes));
    }

    [Fact]
    public void OutcomeFrame_WithoutAResult_ReadsBackNone()
    {
        var stream = new MemoryStream();
        new FrameWriter(stream).WriteOutcome(new OutcomeMessage(SandboxOutcome.Failed(ErrorTypes.Timeout, "late"), 3));
        stream.Position = 0;

        var back = new FrameReader(stream).Read()!.Value.Outcome();

        Assert.Null(back.Outcome.Result);
        Assert.Equal("late", back.Outcome.Error);
    }

    [Fact]
    public void EndOfStream_BetweenFrames_IsNull()
    {
        Assert.Null(new FrameReader(new MemoryStream()).Read());
    }

    [Fact]
    public void EndOfStream_InsideAFrame_IsAProtocolError()
    {
        var truncated = new MemoryStream([10, 0, 0, 0, (byte)FrameKind.Stdout, (byte)'a']);

        var error = Assert.Throws<InvalidDataException>(() => new FrameReader(truncated).Read());
        Assert.Equal("The stream ended inside a frame.", error.Message);
    }

    [Fact]
    public void OversizedFrame_IsRefused_BeforeAnyAllocation()
    {
        var header = new byte[SandboxProtocol.HeaderBytes];
        BinaryPrimitives.WriteInt32LittleEndian(header, SandboxProtocol.MaxPayloadBytes + 1);

        var error = Assert.Throws<InvalidDataException>(() => new FrameReader(new MemoryStream(header)).Read());
        Assert.Equal($"A frame announced {SandboxProtocol.MaxPayloadBytes + 1} bytes.", error.Message);
    }

    [Fact]
    public async Task AsyncReader_ReadsWhatTheWriterWrote()
    {
        var stream = new MemoryStream();
        new FrameWriter(stream).WriteJson(FrameKind.Ready, new ReadyMessage(42, 1000));
        stream.Position = 0;

        var frame = await new FrameReader(stream).ReadAsync();

        Assert.Equal(new ReadyMessage(42, 1000), frame!.Value.Json<ReadyMessage>());
    }
}
