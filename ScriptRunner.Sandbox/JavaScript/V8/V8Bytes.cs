using Microsoft.ClearScript.JavaScript;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>Bytes across the V8 bridge: a script's typed array read in one copy, and host output written into one.</summary>
internal static class V8Bytes
{
    /// <summary>The bytes of a typed array or DataView; anything else reads as none.</summary>
    public static byte[] Read(object? value) => value is IArrayBufferView view ? view.GetBytes() : [];

    /// <summary>Copies <paramref name="bytes"/> into the start of a typed array the bridge allocated for them.</summary>
    public static void Write(object? target, ReadOnlySpan<byte> bytes)
    {
        if (target is IArrayBufferView view && bytes.Length > 0) view.WriteBytes(bytes, 0, (ulong)Math.Min((ulong)bytes.Length, view.Size), 0);
    }
}
