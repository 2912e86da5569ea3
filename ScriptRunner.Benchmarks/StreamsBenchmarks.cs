using System.Text;
using BenchmarkDotNet.Attributes;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// Streams inside the sandbox on each engine, each a whole warm execution: a trivial script, the first touch of the
/// streams group, 1 MB of JSON text gzipped through a CompressionStream, 1 MB piped through a TransformStream in
/// 64 KB chunks, and the same 1 MB made without streaming it (the baseline the two stream runs are read against).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project ScriptRunner.Benchmarks -- bdn --filter *StreamsBenchmarks* --job short</c>.</remarks>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
public class StreamsBenchmarks : EngineBenchmark
{
    private const string Trivial = "var a = 20; a * 2 + 2";
    private const string TouchStreams = "typeof ReadableStream";
    private const string TouchCompression = "new CompressionStream('gzip') && 1";

    private readonly JavaScriptLargeStack _stack = new();
    private string _baseline = null!;
    private string _gzip = null!;
    private string _pipe = null!;


    [GlobalSetup]
    public void Setup()
    {
        var json = new StringBuilder();
        for (var i = 0; json.Length < 1 << 20; i++) json.Append("{\"id\":").Append(i).Append(",\"name\":\"item ").Append(i * 7919 % 10007).Append("\",\"ok\":").Append(i % 3 == 0 ? "true" : "false").Append("},");
        var data = $"const data = Uint8Array.fromBase64('{Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToString(0, 1 << 20)))}');\n" +
                   "const chunks = []; for (let i = 0; i < data.length; i += 65536) chunks.push(data.subarray(i, i + 65536));\n";
        _baseline = data + "chunks.length";
        _gzip = data + "(async () => (await new Response(ReadableStream.from(chunks).pipeThrough(new CompressionStream('gzip'))).arrayBuffer()).byteLength)()";
        _pipe = data + "(async () => { let n = 0; await ReadableStream.from(chunks).pipeThrough(new TransformStream({ transform(c, ctl) { ctl.enqueue(c); } })).pipeTo(new WritableStream({ write(c) { n += c.byteLength; } })); return n; })()";
        StartEngines(Trivial, TouchStreams, TouchCompression, _baseline, _gzip, _pipe);
    }

    protected override void CleanUpMore() => _stack.Dispose();

    /// <summary>A trivial script: the fixed cost of one execution.</summary>
    [Benchmark(Baseline = true)]
    public SandboxOutcome TrivialScript() => Run(Trivial);

    /// <summary>Reads <c>ReadableStream</c>: the streams group built on first use.</summary>
    [Benchmark]
    public SandboxOutcome FirstTouchStreams() => Run(TouchStreams);

    /// <summary>Makes a CompressionStream: the streams group and the compression classes built on first use.</summary>
    [Benchmark]
    public SandboxOutcome FirstTouchCompression() => Run(TouchCompression);

    /// <summary>1 MB of JSON text decoded from base64 and cut into 64 KB chunks, not streamed.</summary>
    [Benchmark]
    public SandboxOutcome Baseline1Mb() => Run(_baseline);

    /// <summary>The 1 MB gzipped through a CompressionStream and read back as one buffer.</summary>
    [Benchmark]
    public SandboxOutcome Gzip1Mb() => Run(_gzip);

    /// <summary>The 1 MB piped through a TransformStream into a WritableStream, 64 KB at a time.</summary>
    [Benchmark]
    public SandboxOutcome Pipe1MbThroughTransform() => Run(_pipe);

    // Jint runs on a 64 MB thread, as in a sandbox process.
    protected override SandboxOutcome Run(string code) =>
        Engine == EngineNames.V8 ? base.Run(code) : _stack.Run(() => base.Run(code));
}
