using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ScriptRunner.Tests.Sandbox.WebAssembly;

namespace ScriptRunner.Tests.Functions;

/// <summary>WebAssembly over HTTP: both modes, value conversion, WASI, host functions, metadata, samples and docs.</summary>
public sealed class WasmEndToEndTests(WasmAppFixture app) : IClassFixture<WasmAppFixture>
{
    private static string Fixture(string name) => Convert.ToBase64String(WasmFixtures.Load(name));

    private static string Sample(string name) =>
        Convert.ToBase64String(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "wasm", name)));

    private Task<(HttpStatusCode Status, JsonNode Body)> Execute(object body) => WasmAppFixture.ExecuteAsync(app.Open, body);

    [Fact]
    public async Task Command_WithArgsEnvVarsAndStdin_SucceedsWithExitCodeZero()
    {
        var (status, body) = await Execute(new
        {
            codeBase64 = Fixture("wasi_command.wasm"),
            args = new[] { "one", "two" },
            envVars = new Dictionary<string, string> { ["GREETING"] = "hi" },
            stdin = "abc\n",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("success", (string)body["status"]!);
        Assert.Equal(0, (int)body["exitCode"]!);
        Assert.Null(body["result"]);
        Assert.Equal("argc=3\nargv[1]=one\nargv[2]=two\nGREETING=hi\nstdin: ABC\nstdin lines=1\n", (string)body["stdout"]!);
        Assert.Equal("to stderr\n", (string)body["stderr"]!);
        Assert.Equal("wasm", (string)body["metadata"]!["codeType"]!);
    }

    [Fact]
    public async Task Command_ExitingNonZero_IsExitCodeErrorWithTheCode()
    {
        var (status, body) = await Execute(new
        {
            codeBase64 = Fixture("wasi_command.wasm"),
            envVars = new Dictionary<string, string> { ["EXIT_CODE"] = "7" },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("error", (string)body["status"]!);
        Assert.Equal("ExitCode", (string)body["errorType"]!);
        Assert.Equal(7, (int)body["exitCode"]!);
        Assert.Equal("the program exited with code 7", (string)body["error"]!);
    }

    [Fact]
    public async Task Handler_ReturnsScalarResult()
    {
        var (_, body) = await Execute(new { codeBase64 = Fixture("handler.wasm"), handler = "add", @params = new[] { 19, 23 } });

        Assert.Equal("success", (string)body["status"]!);
        Assert.Equal(42, (int)body["result"]!);
        Assert.Null(body["exitCode"]);
    }

    [Fact]
    public async Task Handler_I64TravelsAsStringBeyondDoublePrecision_AndNaNAsString()
    {
        var (_, big) = await Execute(new { codeBase64 = Fixture("handler.wasm"), handler = "add_i64", @params = new object[] { "9007199254740993", 0 } });
        var (_, nan) = await Execute(new { codeBase64 = Fixture("handler.wasm"), handler = "id_f64", @params = new[] { "NaN" } });

        Assert.Equal("9007199254740993", (string)big["result"]!);
        Assert.Equal("NaN", (string)nan["result"]!);
    }

    [Fact]
    public async Task Handler_MultiValue_ReturnsArray()
    {
        var (_, body) = await Execute(new { codeBase64 = Fixture("handler.wasm"), handler = "divmod", @params = new[] { 17, 5 } });

        Assert.Equal("[3,2]", body["result"]!.ToJsonString());
    }

    [Fact]
    public async Task Handler_OnReactor_RunsInitializeFirst()
    {
        var (_, body) = await Execute(new { codeBase64 = Fixture("reactor.wasm"), handler = "answer" });

        Assert.Equal(42, (int)body["result"]!);
    }

    [Fact]
    public async Task Handler_WrongParameterCount_IsBadRequestNamingExportAndSignature()
    {
        var (status, body) = await Execute(new { codeBase64 = Fixture("handler.wasm"), handler = "add", @params = new[] { 1, 2, 3 } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidRequest", (string)body["errorType"]!);
        Assert.Equal("export 'add' has signature (i32, i32) -> (i32) and takes 2 parameter(s), but 3 were given", (string)body["error"]!);
    }

    [Fact]
    public async Task Handler_WrongParameterType_IsBadRequestNamingTheParameter()
    {
        var (status, body) = await Execute(new { codeBase64 = Fixture("handler.wasm"), handler = "add", @params = new object[] { 1, "x" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("export 'add' has signature (i32, i32) -> (i32): parameter 1 must be an i32", (string)body["error"]!);
    }

    [Fact]
    public async Task Handler_MissingExport_IsBadRequestListingTheExports()
    {
        var (status, body) = await Execute(new { codeBase64 = Fixture("reactor_initialize.wasm"), handler = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("the module has no export named 'nope'; its function exports are: _initialize () -> (), ready () -> (i32)", (string)body["error"]!);
    }

    [Fact]
    public async Task Handler_Trap_IsTrapWithMessageAndFunctionName()
    {
        var (status, body) = await Execute(new { codeBase64 = Fixture("handler.wasm"), handler = "crash", @params = new[] { 1 } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Trap", (string)body["errorType"]!);
        // The innermost frame the runtime can see: the small callee 'divide' may have been inlined into 'crash'.
        Assert.Contains((string)body["error"]!, new[]
        {
            "wasm trap: integer divide by zero in function 'divide'",
            "wasm trap: integer divide by zero in function 'crash'",
        });
    }

    [Fact]
    public async Task Wasi_CProgramSeesClocksRandomAndTerminalStdio()
    {
        var (_, body) = await Execute(new { codeBase64 = Fixture("wasi_calls.wasm") });

        Assert.Equal("success", (string)body["status"]!);
        var stdout = (string)body["stdout"]!;
        Assert.Contains("nanosleep=0 slept at least 20ms=1\n", stdout);
        Assert.Contains("getentropy=0 nonzero bytes>32=1\n", stdout);
        Assert.Contains("isatty(1)=1\n", stdout);
        Assert.Contains("write(7)=-1 errno=EBADF\n", stdout);
    }

    [Fact]
    public async Task Wasi_UnsupportedCalls_AnswerErrnoInsteadOfTrapping()
    {
        var (_, body) = await Execute(new { codeBase64 = Fixture("wasi_errno.wasm") });

        Assert.Equal("success", (string)body["status"]!);
        var stdout = (string)body["stdout"]!;
        Assert.Contains("path_open(3)=8\n", stdout);
        Assert.Contains("sock_shutdown(1)=57\n", stdout);
        Assert.Contains("fd_seek(1)=70\n", stdout);
    }

    [Fact]
    public async Task UnknownImports_AreCompileErrorListingThem()
    {
        var (status, body) = await Execute(new { codeBase64 = Fixture("unknown_imports.wasm") });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CompileError", (string)body["errorType"]!);
        Assert.StartsWith("the module imports what the sandbox does not provide: env::launch_missiles, wasi_snapshot_preview1::thread_spawn, os::system", (string)body["error"]!);
    }

    [Fact]
    public async Task MalformedModule_IsCompileErrorWithTheDecoderMessage()
    {
        var (status, body) = await Execute(new { codeBase64 = Convert.ToBase64String("\0asm\x01\0\0\0\x05\x10"u8.ToArray()), type = "wasm" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CompileError", (string)body["errorType"]!);
        Assert.StartsWith("malformed module: ", (string)body["error"]!);
    }

    [Fact]
    public async Task HostFunctions_LogCaptureAndFetchOverRealHttp()
    {
        // The server has already read (and recorded) the request body when the handler runs.
        app.Server.Map("/echo", async context =>
        {
            var received = app.Server.Requests.Last(r => r.Path == "/echo");
            context.Response.Headers["X-Echo"] = received.Headers["X-Test"];
            await context.Response.WriteAsync($"{received.Method} {received.Body}");
        });

        var (_, body) = await Execute(new { codeBase64 = Fixture("host_functions.wasm"), args = new[] { app.Server.Url("/echo").AbsoluteUri } });

        Assert.Equal("success", (string)body["status"]!);
        var stdout = (string)body["stdout"]!;
        Assert.StartsWith("printf line 1\ncaptured line 2\nprintf line 3\nunixtime=", stdout);
        var response = JsonNode.Parse(stdout.Split("response=")[1].TrimEnd('\n'))!;
        Assert.Equal(200, (int)response["status"]!);
        Assert.Equal("POST ping", (string)response["body"]!);
        // Response header names arrive lower-cased, as in the JavaScript fetch.
        Assert.Equal("yes", (string)response["headers"]!["x-echo"]!);
        Assert.Equal("captured error\nstdio error\n", (string)body["stderr"]!);
        var logs = body["logs"]!.AsArray();
        Assert.Equal(["info:starting", "warn:finished"], logs.Select(l => $"{(string)l!["level"]!}:{(string)l["message"]!}"));
    }

    [Fact]
    public async Task Fetch_RefusedByPolicy_ReturnsMinusOneToTheModule()
    {
        var (_, body) = await WasmAppFixture.ExecuteAsync(app.Strict, new
        {
            codeBase64 = Fixture("host_functions.wasm"),
            args = new[] { app.Server.Url("/never").AbsoluteUri },
        });

        Assert.Equal("success", (string)body["status"]!);
        Assert.Contains("fetch=-1\n", (string)body["stdout"]!);
        Assert.Equal(0, app.Server.CountRequests("/never"));
    }

    [Fact]
    public async Task Fetch_ConnectionRefused_ReturnsMinusTwo()
    {
        // A port that was just free: nothing listens there now.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (_, body) = await Execute(new { codeBase64 = Fixture("host_functions.wasm"), args = new[] { $"http://127.0.0.1:{port}/closed" } });

        Assert.Equal("success", (string)body["status"]!);
        Assert.Contains("fetch=-2\n", (string)body["stdout"]!);
    }

    [Fact]
    public async Task Fetch_SlowerThanTheFetchTimeout_ReturnsMinusThree()
    {
        app.Server.MapDelay("/slow", TimeSpan.FromSeconds(20));

        var (_, body) = await Execute(new { codeBase64 = Fixture("host_functions.wasm"), args = new[] { app.Server.Url("/slow").AbsoluteUri } });

        Assert.Equal("success", (string)body["status"]!);
        Assert.Contains("fetch=-3\n", (string)body["stdout"]!);
    }

    [Fact]
    public async Task Fetch_ResponseLargerThanTheBuffer_ReturnsMinusFourAndWritesNothing()
    {
        app.Server.MapText("/big", new string('x', 500));

        var (_, body) = await Execute(new { codeBase64 = Fixture("host_functions.wasm"), args = new[] { app.Server.Url("/big").AbsoluteUri, "100" } });

        var stdout = (string)body["stdout"]!;
        Assert.Contains("fetch=-4\n", stdout);
        Assert.DoesNotContain("response=", stdout);
    }

    [Fact]
    public async Task Metadata_ReportsCompileTimeCacheHitFuelAndMemoryPeak_AndWarmRepeatSkipsCompilation()
    {
        // A unique custom section makes a module this app has never compiled.
        var bytes = WasmFixtures.Load("handler.wasm").Concat(new byte[] { 0x00, 0x15, 0x04, (byte)'t', (byte)'e', (byte)'s', (byte)'t' })
            .Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var request = new { codeBase64 = Convert.ToBase64String(bytes), handler = "add", @params = new[] { 1, 1 } };

        var (_, cold) = await Execute(request);
        var (_, warm) = await Execute(request);

        Assert.Equal(2, (int)warm["result"]!);
        var coldMeta = cold["metadata"]!;
        var warmMeta = warm["metadata"]!;
        Assert.False((bool)coldMeta["cacheHit"]!);
        Assert.True((double)coldMeta["compileTimeMs"]! > 0);
        Assert.Equal("memory", (string)warmMeta["cacheHit"]!);
        Assert.Equal(0, (double)warmMeta["compileTimeMs"]!);
        Assert.Equal(65536, (long)warmMeta["memoryPeakBytes"]!);
    }

    [Fact]
    public async Task Samples_WatHandlerDownloadedByUrl_ComputesEveryExport()
    {
        app.Server.MapBytes("/samples/handler.wasm", Convert.FromBase64String(Sample("handler.wasm")));
        var url = app.Server.Url("/samples/handler.wasm").AbsoluteUri;

        var (_, factorial) = await Execute(new { url, handler = "factorial", @params = new[] { 20 } });
        var (_, fahrenheit) = await Execute(new { url, handler = "celsius_to_fahrenheit", @params = new[] { 100 } });

        Assert.Equal(2432902008176640000L, (long)factorial["result"]!);
        Assert.Equal(212.0, (double)fahrenheit["result"]!);
        Assert.Equal(url, (string)factorial["metadata"]!["sourceUrl"]!);
    }

    [Fact]
    public async Task Samples_CProgramUsingHostFunctions_Runs()
    {
        app.Server.MapText("/sample-data", "{\"ok\":true}", "application/json");

        var (_, body) = await Execute(new
        {
            codeBase64 = Sample("host_functions.wasm"),
            args = new[] { "reader" },
            envVars = new Dictionary<string, string> { ["FETCH_URL"] = app.Server.Url("/sample-data").AbsoluteUri },
        });

        Assert.Equal("success", (string)body["status"]!);
        var stdout = (string)body["stdout"]!;
        Assert.StartsWith("hello, reader\nthis line went through capture_stdout\nunix time: ", stdout);
        Assert.Contains("\"body\":\"{\\\"ok\\\":true}\"", stdout);
        Assert.Equal("done\n", (string)body["stderr"]!);
        Assert.Equal(2, body["logs"]!.AsArray().Count);
    }

    [Fact]
    public async Task Readme_CurlExample_ReturnsFive()
    {
        // The exact body shown in docs/webassembly.md (a module exporting add(i32, i32) -> i32).
        var (status, body) = await Execute(JsonNode.Parse(
            """{"codeBase64":"AGFzbQEAAAABBwFgAn9/AX8DAgEABwcBA2FkZAAACgkBBwAgACABags=","handler":"add","params":[2,3]}""")!);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, (int)body["result"]!);
    }

    [Fact]
    public async Task Readme_HelloCommandExample_PrintsHello()
    {
        var (_, body) = await Execute(JsonNode.Parse(
            """{"codeBase64":"AGFzbQEAAAABDAJgBH9/f38Bf2AAAAIjARZ3YXNpX3NuYXBzaG90X3ByZXZpZXcxCGZkX3dyaXRlAAADAgEBBQMBAAEHEwIGbWVtb3J5AgAGX3N0YXJ0AAEKHQEbAEEAQQg2AgBBBEEGNgIAQQFBAEEBQRAQABoLCwwBAEEICwZoZWxsbwo="}""")!);

        Assert.Equal("success", (string)body["status"]!);
        Assert.Equal("hello\n", (string)body["stdout"]!);
        Assert.Equal(0, (int)body["exitCode"]!);
    }
}
