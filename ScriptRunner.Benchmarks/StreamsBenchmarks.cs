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
public class StreamsBenchmarks
{
    private const string Trivial = "var a = 20; a * 2 + 2";
    private const string TouchStreams = "typeof ReadableStream";
    private const string TouchCompression = "new CompressionStream('gzip') && 1";

    private readonly ScriptRunnerOptions _options = new();
    private readonly JavaScriptLargeStack _stack = new();
    private V8Sandbox _v8 = null!;
    private JintSandbox _jint = null!;
    private string _baseline = null!;
    private string _gzip = null!;
    private string _pipe = null!;

    /// <summary>The engine the benchmark runs on.</summary>
    [Params(EngineNames.V8, EngineNames.Jint)]
    public string Engine { get; set; } = EngineNames.V8;

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
        _v8 = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(_options));
        _jint = new JintSandbox();
        foreach (var code in new[] { Trivial, TouchStreams, TouchCompression, _baseline, _gzip, _pipe })
        {
            var warm = Run(code);
            if (!warm.Success) throw new InvalidOperationException($"warm-up failed: {warm.ErrorType} {warm.Error}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _v8.Dispose();
        _stack.Dispose();
    }

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

    private SandboxOutcome Run(string code) =>
        Engine == EngineNames.V8 ? V8SandboxBenchmarks.Run(_v8, _options, code) : _stack.Run(() => V8SandboxBenchmarks.Run(_jint, _options, code));
}
