using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Sandboxing.Protocol;

namespace ScriptRunner.Sandbox.Hosting;

/// <summary>Streams what an execution's capture keeps to the parent as frames, so output survives a kill.</summary>
internal sealed class FrameOutputSink(FrameWriter writer) : IOutputSink
{
    public void Text(OutputStream stream, string text) =>
        writer.WriteText(stream == OutputStream.Stdout ? FrameKind.Stdout : FrameKind.Stderr, text);

    public void Log(LogEntry entry) => writer.WriteJson(FrameKind.Log, entry);

    public void Truncated(OutputStream stream) => writer.Write(FrameKind.Truncated, [(byte)stream]);
}
