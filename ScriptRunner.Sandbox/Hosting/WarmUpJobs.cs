using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Fetching;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Sandbox.Hosting;

/// <summary>The trivial executions a sandbox process runs on each engine before it says it is ready.</summary>
internal static class WarmUpJobs
{
    // (module (func (export "f") (result i32) i32.const 1))
    private static readonly byte[] WasmModule =
    [
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
        0x0A, 0x06, 0x01, 0x04, 0x00, 0x41, 0x01, 0x0B,
    ];

    private static readonly byte[] Script = "var warm = [1, 2, 3].map(function (x) { return x * 2; }); JSON.stringify(warm)"u8.ToArray();

    // The seed-000 request's shape: an ES module whose default export answers an HTTP-style object. It takes the
    // runtime's handler path, which the script above does not.
    private static readonly byte[] Handler = "export default async (req) => ({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: req.method })"u8.ToArray();

    // Warm-ups run at the service's default cap, the one most executions have: an engine that prepares per cap (V8's
    // array-buffer bound) is then ready for them.
    public static SandboxJob Wasm(string engine, long memoryLimitBytes) => Job(WasmModule, CodeType.Wasm, engine, "f", memoryLimitBytes);

    public static IReadOnlyList<SandboxJob> JavaScript(string engine, long memoryLimitBytes) =>
        [Job(Script, CodeType.JavaScript, engine, null, memoryLimitBytes), Job(Handler, CodeType.JavaScript, engine, "handler", memoryLimitBytes)];

    private static SandboxJob Job(byte[] code, CodeType type, string engine, string? handler, long memoryLimitBytes) => new()
    {
        Code = code,
        Sha256 = IntegrityCheck.Sha256Hex(code),
        CodeType = type,
        Engine = engine,
        Handler = handler,
        Timeout = TimeSpan.FromSeconds(10),
        MemoryLimitBytes = memoryLimitBytes,
    };
}
