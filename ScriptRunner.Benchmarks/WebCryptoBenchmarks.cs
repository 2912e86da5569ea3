using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// crypto.subtle inside the sandbox on each engine. Each crypto benchmark is one whole execution that repeats the
/// operation <see cref="Repeats"/> (or <see cref="BigRepeats"/>) times and is reported per operation, so the
/// execution's fixed cost (a fraction of a millisecond) is spread over the repeats; the touch benchmarks are single
/// executions to compare with the trivial one.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project ScriptRunner.Benchmarks -- bdn --filter *WebCryptoBenchmarks*</c>.</remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class WebCryptoBenchmarks : EngineBenchmark
{
    internal const int Repeats = 200;
    internal const int BigRepeats = 20;

    internal const string Digest = """
        const data = new Uint8Array(1 << 20);
        let p = Promise.resolve();
        for (let i = 0; i < 20; i++) p = p.then(() => crypto.subtle.digest('SHA-256', data));
        p.then((d) => d.byteLength)
        """;

    internal const string Hmac = """
        const data = new Uint8Array(1024);
        crypto.subtle.importKey('raw', new Uint8Array(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']).then((key) => {
          let p = Promise.resolve();
          for (let i = 0; i < 200; i++) p = p.then(() => crypto.subtle.sign('HMAC', key, data));
          return p.then((d) => d.byteLength);
        })
        """;

    internal const string AesGcm = """
        const data = new Uint8Array(1 << 20);
        const iv = new Uint8Array(12);
        crypto.subtle.importKey('raw', new Uint8Array(32), 'AES-GCM', false, ['encrypt']).then((key) => {
          let p = Promise.resolve();
          for (let i = 0; i < 20; i++) p = p.then(() => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data));
          return p.then((d) => d.byteLength);
        })
        """;

    internal const string Es256 = """
        const data = new Uint8Array(256);
        const alg = { name: 'ECDSA', hash: 'SHA-256' };
        crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']).then(async ({ publicKey, privateKey }) => {
          const signature = await crypto.subtle.sign(alg, privateKey, data);
          let ok = true;
          for (let i = 0; i < 200; i++) ok = ok && await crypto.subtle.verify(alg, publicKey, signature, data);
          return ok;
        })
        """;



    [GlobalSetup]
    public void Setup()
    {
        StartEngines(V8SandboxBenchmarks.Trivial, "crypto; 1", "crypto.subtle; 1", Digest, Hmac, AesGcm, Es256);
    }

    /// <summary>The trivial script that touches no global: what every execution costs.</summary>
    [Benchmark(Baseline = true)]
    public SandboxOutcome Trivial() => Run(V8SandboxBenchmarks.Trivial);

    /// <summary>A script that reads <c>crypto</c> (getRandomValues/randomUUID, the web group) but not <c>crypto.subtle</c>.</summary>
    [Benchmark]
    public SandboxOutcome TouchCrypto() => Run("crypto; 1");

    /// <summary>A script that reads <c>crypto.subtle</c>: the difference from <see cref="TouchCrypto"/> is its first touch.</summary>
    [Benchmark]
    public SandboxOutcome TouchSubtle() => Run("crypto.subtle; 1");

    /// <summary>SHA-256 of 1 MB, per digest.</summary>
    [Benchmark(OperationsPerInvoke = BigRepeats)]
    public SandboxOutcome DigestSha256Of1MB() => Run(Digest);

    /// <summary>HMAC-SHA256 of 1 KB with an imported key, per signature.</summary>
    [Benchmark(OperationsPerInvoke = Repeats)]
    public SandboxOutcome HmacSha256SignOf1KB() => Run(Hmac);

    /// <summary>AES-256-GCM encryption of 1 MB, per encryption.</summary>
    [Benchmark(OperationsPerInvoke = BigRepeats)]
    public SandboxOutcome AesGcmEncryptOf1MB() => Run(AesGcm);

    /// <summary>ES256 (ECDSA P-256 SHA-256) verification, per verification.</summary>
    [Benchmark(OperationsPerInvoke = Repeats)]
    public SandboxOutcome Es256Verify() => Run(Es256);

}
