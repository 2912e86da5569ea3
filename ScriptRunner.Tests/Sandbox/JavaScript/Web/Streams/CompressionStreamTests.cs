using System.IO.Compression;
using System.Text;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>
/// CompressionStream and DecompressionStream on the host's .NET compression: what WPT's compression/ suites check
/// (round trips, interoperable output, bad input as TypeError), plus the memory cap on decompression output.
/// </summary>
public sealed class CompressionStreamTests
{
    private const string Helpers = """
        const collect = async (s) => { const o = []; for await (const v of s) o.push(v); return o; };
        const concat = (chunks) => { const n = chunks.reduce((a, c) => a + c.byteLength, 0); const out = new Uint8Array(n); let at = 0; for (const c of chunks) { out.set(c, at); at += c.byteLength; } return out; };
        const through = async (bytes, t, size = 1000) => { const parts = []; for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size)); return concat(await collect(ReadableStream.from(parts).pipeThrough(t))); };
        """;

    public static TheoryData<string, string> EnginesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in new[] { "jint", "v8" })
        {
            foreach (var format in new[] { "gzip", "deflate", "deflate-raw", "brotli" }) data.Add(engine, format);
        }

        return data;
    }

    private static string Result(string engine, string code) => JsHarness.On(engine).Result(Helpers + code);

    private static string Text(int size)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < size; i++) text.Append("{\"id\":").Append(i).Append(",\"name\":\"item ").Append(i % 97).Append("\"},");
        return text.ToString(0, size);
    }

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void RoundTrip_GivesBackTheInput(string engine, string format) =>
        Assert.Equal("true",
            Result(engine, $"(async () => {{ const input = new TextEncoder().encode('{Text(20000)}'); const packed = await through(input, new CompressionStream('{format}')); const back = await through(packed, new DecompressionStream('{format}'), 7); return packed.length < input.length && back.length === input.length && back.every((b, i) => b === input[i]); }})()"));

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void Compress_OutputIsWhatDotNetDecompresses(string engine, string format)
    {
        var text = Text(5000);
        var base64 = Result(engine, $"(async () => (await through(new TextEncoder().encode('{text}'), new CompressionStream('{format}'))).toBase64())()").Trim('"');
        using var packed = new MemoryStream(Convert.FromBase64String(base64));
        using Stream reader = format switch
        {
            "gzip" => new GZipStream(packed, CompressionMode.Decompress),
            "deflate" => new ZLibStream(packed, CompressionMode.Decompress),
            "deflate-raw" => new DeflateStream(packed, CompressionMode.Decompress),
            _ => new BrotliStream(packed, CompressionMode.Decompress),
        };
        using var unpacked = new StreamReader(reader, Encoding.UTF8);
        Assert.Equal(text, unpacked.ReadToEnd());
    }

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void Decompress_ReadsWhatDotNetCompressed(string engine, string format)
    {
        var text = Text(5000);
        using var packed = new MemoryStream();
        using (Stream writer = format switch
        {
            "gzip" => new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true),
            "deflate-raw" => new DeflateStream(packed, CompressionLevel.Optimal, leaveOpen: true),
            _ => new BrotliStream(packed, CompressionLevel.Optimal, leaveOpen: true),
        })
        {
            writer.Write(Encoding.UTF8.GetBytes(text));
        }

        Assert.Equal($"\"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
            Result(engine, $"(async () => new TextDecoder().decode(await through(Uint8Array.fromBase64('{Convert.ToBase64String(packed.ToArray())}'), new DecompressionStream('{format}'), 3)))()"));
    }

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void Compress_EmptyInput_RoundTripsToEmpty(string engine, string format) =>
        Assert.Equal("[true,0]",
            Result(engine, $"(async () => {{ const packed = await through(new Uint8Array(0), new CompressionStream('{format}')); const back = await through(packed, new DecompressionStream('{format}')); return [packed.length > 0, back.length]; }})()"));

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void Decompress_CorruptData_IsATypeError(string engine, string format) =>
        Assert.Equal($"[\"TypeError\",\"The compressed data is not valid {format} data\"]",
            Result(engine, $"(async () => {{ try {{ await through(new Uint8Array([255, 254, 253, 252, 251, 250, 249, 248, 1, 2, 3]), new DecompressionStream('{format}')); }} catch (e) {{ return [e.name, e.message]; }} }})()"));

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void Decompress_TruncatedData_IsATypeError(string engine, string format) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, $"(async () => {{ const packed = await through(new TextEncoder().encode('{Text(3000)}'), new CompressionStream('{format}')); try {{ await through(packed.subarray(0, packed.length - 5), new DecompressionStream('{format}')); }} catch (e) {{ return e.name; }} }})()"));

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void Decompress_DataAfterTheEnd_IsATypeError(string engine, string format) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, $"(async () => {{ const packed = await through(new TextEncoder().encode('hello'), new CompressionStream('{format}')); const extra = new Uint8Array(packed.length + 3); extra.set(packed); extra.set([1, 2, 3], packed.length); try {{ await through(extra, new DecompressionStream('{format}')); }} catch (e) {{ return e.name; }} }})()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Constructor_AnUnknownFormat_IsATypeError(string engine) =>
        Assert.Equal("""["TypeError","Failed to construct 'CompressionStream': Unsupported compression format: 'zip'","TypeError"]""",
            Result(engine, "const out = []; try { new CompressionStream('zip'); } catch (e) { out.push(e.name, e.message); } try { new DecompressionStream(); } catch (e) { out.push(e.name); } out"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Write_OfANonBufferChunk_IsATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "(async () => { const c = new CompressionStream('gzip'); c.readable.getReader().read().catch(() => {}); try { await c.writable.getWriter().write('text'); } catch (e) { return e.name; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Compress_AcceptsArrayBuffersAndViews(string engine) =>
        Assert.Equal("\"abc\"",
            Result(engine, "(async () => { const packed = concat(await collect(ReadableStream.from([new Uint8Array([97]).buffer, new DataView(new Uint8Array([0, 98, 0]).buffer, 1, 1), new Uint8Array([99])]).pipeThrough(new CompressionStream('deflate')))); return new TextDecoder().decode(await through(packed, new DecompressionStream('deflate'))); })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Gzip_StartsWithTheGzipMagic(string engine) =>
        Assert.Equal("[31,139,8]",
            Result(engine, "(async () => [...(await through(new Uint8Array([1, 2, 3]), new CompressionStream('gzip'))).subarray(0, 3)])()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ReadableAndWritable_AreStreams(string engine) =>
        Assert.Equal("[true,true,\"[object CompressionStream]\"]",
            Result(engine, "const c = new CompressionStream('gzip'); [c.readable instanceof ReadableStream, c.writable instanceof WritableStream, Object.prototype.toString.call(c)]"));

    /// <summary>A gigabyte of zeros, gzipped (about a megabyte), made once for the bomb tests.</summary>
    private static readonly Lazy<string> GigabyteOfZeros = new(() =>
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++) gzip.Write(zeros);
        }

        return Convert.ToBase64String(packed.ToArray());
    });

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void DecompressionBomb_EndsAsMemoryLimit(string engine)
    {
        var run = JsHarness.On(engine).Execute(Helpers + $"(async () => {{ let total = 0; try {{ for await (const c of ReadableStream.from([Uint8Array.fromBase64('{GigabyteOfZeros.Value}')]).pipeThrough(new DecompressionStream('gzip'))) total += c.byteLength; }} catch (e) {{ return 'caught ' + e; }} return total; }})()",
            memoryBytes: 64L << 20, timeout: TimeSpan.FromSeconds(20));
        Assert.Equal((false, ErrorTypes.MemoryLimit, "memory limit of 64 MB exceeded"), (run.Outcome.Success, run.Outcome.ErrorType, run.Outcome.Error));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void DecompressionBomb_LeavesTheNextRunUnharmed(string engine)
    {
        JsHarness.On(engine).Execute(Helpers + $"(async () => {{ for await (const c of ReadableStream.from([Uint8Array.fromBase64('{GigabyteOfZeros.Value}')]).pipeThrough(new DecompressionStream('gzip'))) {{}} }})()",
            memoryBytes: 64L << 20, timeout: TimeSpan.FromSeconds(20));
        Assert.Equal("\"ok\"", Result(engine, "(async () => new TextDecoder().decode(await through(await through(new TextEncoder().encode('ok'), new CompressionStream('gzip')), new DecompressionStream('gzip'))))()"));
    }
}
