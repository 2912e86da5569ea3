using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Hosting;

/// <summary>Receives what an <see cref="OutputCapture"/> keeps, as it keeps it: how a sandbox process streams output to its parent.</summary>
public interface IOutputSink
{
    /// <summary>Text kept on stdout or stderr (already clipped to the cap).</summary>
    void Text(OutputStream stream, string text);

    /// <summary>A log entry kept.</summary>
    void Log(LogEntry entry);

    /// <summary>A stream hit its cap; later writes to it are dropped.</summary>
    void Truncated(OutputStream stream);
}
