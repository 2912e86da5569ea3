namespace ScriptRunner.Tests.Wasm.Binary;

/// <summary>Assembles binary modules byte by byte for decoder tests that need exact encodings.</summary>
internal static class ModuleBytes
{
    /// <summary>The 8-byte preamble: magic and version 1.</summary>
    public static readonly byte[] Header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    /// <summary>A module made of the header followed by <paramref name="sections"/>, each given as id and content.</summary>
    public static byte[] Module(params (byte Id, byte[] Content)[] sections)
    {
        var bytes = new List<byte>(Header);
        foreach (var (id, content) in sections) bytes.AddRange(Section(id, content));
        return [.. bytes];
    }

    /// <summary>A section: id, LEB128 size, content.</summary>
    public static byte[] Section(byte id, byte[] content) => [id, .. U32(checked((uint)content.Length)), .. content];

    /// <summary>The header followed by raw bytes, for encodings no well-formed section list can express.</summary>
    public static byte[] Raw(params byte[] afterHeader) => [.. Header, .. afterHeader];

    /// <summary>Unsigned LEB128.</summary>
    public static byte[] U32(uint value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            if (value != 0) b |= 0x80;
            bytes.Add(b);
        }
        while (value != 0);
        return [.. bytes];
    }

    /// <summary>A length-prefixed vector of already-encoded items.</summary>
    public static byte[] Vector(params byte[][] items) => [.. U32((uint)items.Length), .. items.SelectMany(i => i)];

    /// <summary>A length-prefixed name.</summary>
    public static byte[] Name(string text)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        return [.. U32((uint)utf8.Length), .. utf8];
    }

    /// <summary>Type section holding one <c>[] -> []</c> signature.</summary>
    public static (byte, byte[]) VoidTypeSection => (1, [0x01, 0x60, 0x00, 0x00]);

    /// <summary>Function section declaring one function of type 0.</summary>
    public static (byte, byte[]) OneFunctionSection => (3, [0x01, 0x00]);

    /// <summary>Memory section with one memory of one page.</summary>
    public static (byte, byte[]) OneMemorySection => (5, [0x01, 0x00, 0x01]);

    /// <summary>Code section with one body made of <paramref name="body"/> (locals vector included).</summary>
    public static (byte, byte[]) CodeSection(params byte[] body) => (10, [0x01, .. U32((uint)body.Length), .. body]);
}
