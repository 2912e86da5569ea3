using System.Security.Cryptography;
using System.Text;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Functions;

/// <summary>JavaScript end to end: HTTP in, real download from a loopback server, the real sandbox, HTTP out.</summary>
public sealed class JavaScriptExecutionTests : IClassFixture<JavaScriptExecutionTests.App>
{
    private readonly App _app;
    private readonly HttpClient _client;

    public JavaScriptExecutionTests(App app)
    {
        _app = app;
        _client = app.Server.Client();
    }

    /// <summary>The app with downloads from loopback allowed (the file server is on 127.0.0.1), plus that file server.</summary>
    public sealed class App : IDisposable
    {
        public LoopbackServer Files { get; } = new();

        public ScriptRunnerApp Server { get; } = new(("ScriptRunner:Download:AllowPrivateNetworks", "true"), ("ScriptRunner:SandboxFetch:AllowPrivateNetworks", "true"));

        public void Dispose()
        {
            Server.Dispose();
            Files.Dispose();
        }
    }

    private Task<ApiResponse> Post(object request) => ScriptRunnerApp.PostAsync(_client, request);

    [Fact]
    public async Task InlineScript_ReturnsItsCompletionValueAndStdout()
    {
        var response = await Post(new { code = "console.log('hello', 1 + 1); console.error('careful'); [1, 2].map(function (x) { return x * 21; })" });

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.Success, response.Error);
        Assert.Equal("success", response.Body["status"]!.GetValue<string>());
        Assert.Equal("[21,42]", response.Result!.ToJsonString(ScriptRunner.Tests.Sandbox.JavaScript.JsHarness.Relaxed));
        Assert.Equal("hello 2\n", response.Stdout);
        Assert.Equal("careful\n", response.Stderr);
        Assert.Equal("javascript", response.Metadata["codeType"]!.GetValue<string>());
        Assert.Null(response.Metadata["sourceUrl"]);
        Assert.True(response.Body["duration"]!.GetValue<long>() >= 0);
    }

    [Fact]
    public async Task InlineBase64Script_Runs()
    {
        var response = await Post(new { codeBase64 = Convert.ToBase64String("6 * 7"u8.ToArray()) });

        Assert.True(response.Success, response.Error);
        Assert.Equal(42, response.Result!.GetValue<int>());
    }

    [Fact]
    public async Task ScriptFromUrl_IsDownloadedAndRun_WithDownloadMetadata()
    {
        const string source = "var greeting = 'from ' + 'url'; console.log(greeting); greeting";
        _app.Files.MapText("/scripts/greet.js", source, "text/javascript");

        var response = await Post(new { url = _app.Files.Url("/scripts/greet.js").AbsoluteUri });

        Assert.True(response.Success, response.Error);
        Assert.Equal("from url", response.Result!.GetValue<string>());
        Assert.Equal("from url\n", response.Stdout);
        var metadata = response.Metadata;
        Assert.Equal(_app.Files.Url("/scripts/greet.js").AbsoluteUri, metadata["sourceUrl"]!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetByteCount(source), metadata["sizeBytes"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source))), metadata["sha256"]!.GetValue<string>());
        Assert.True(metadata["downloadTimeMs"]!.GetValue<double>() >= 0);
        Assert.Equal("extension", metadata["detectedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScriptFromUrl_WithMatchingSha256_Runs()
    {
        const string source = "'pinned'";
        _app.Files.MapText("/scripts/pinned.js", source, "text/javascript");
        var pin = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

        var response = await Post(new { url = _app.Files.Url("/scripts/pinned.js").AbsoluteUri, sha256 = pin });

        Assert.True(response.Success, response.Error);
        Assert.Equal("pinned", response.Result!.GetValue<string>());
    }

    [Fact]
    public async Task ScriptFromUrl_WithMismatchedSha256_IsIntegrityError()
    {
        _app.Files.MapText("/scripts/tampered.js", "console.log('must not run'); 1", "text/javascript");

        var response = await Post(new { url = _app.Files.Url("/scripts/tampered.js").AbsoluteUri, sha256 = new string('a', 64) });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("IntegrityError", response.ErrorType);
        Assert.Equal("", response.Stdout);
    }

    [Fact]
    public async Task EnvVars_AreTheEnvGlobal()
    {
        var response = await Post(new { code = "env.GREETING + ', ' + env.NAME", envVars = new Dictionary<string, string> { ["GREETING"] = "hi", ["NAME"] = "ada" } });

        Assert.True(response.Success, response.Error);
        Assert.Equal("hi, ada", response.Result!.GetValue<string>());
    }

    [Fact]
    public async Task Handler_GlobalFunction_IsCalledWithTheRequest()
    {
        var response = await Post(new
        {
            code = "function handler(req) { return { statusCode: 201, headers: { 'x-kind': 'global' }, body: req.method + ' ' + req.url + ' ' + req.query.id }; }",
            handler = "handler",
            request = new { method = "POST", url = "/items", headers = new { }, body = "", query = new { id = "7" } },
        });

        Assert.True(response.Success, response.Error);
        Assert.Equal(201, response.Result!["statusCode"]!.GetValue<int>());
        Assert.Equal("global", response.Result["headers"]!["x-kind"]!.GetValue<string>());
        Assert.Equal("POST /items 7", response.Result["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handler_ModuleExportsFunction_IsCalled()
    {
        var response = await Post(new
        {
            code = "module.exports = function (req) { return { statusCode: 200, body: JSON.stringify({ got: JSON.parse(req.body).n * 2 }) }; };",
            handler = "handler",
            request = new { method = "POST", body = "{\"n\":21}" },
        });

        Assert.True(response.Success, response.Error);
        Assert.Equal("{\"got\":42}", response.Result!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handler_NamedExport_IsCalled()
    {
        var response = await Post(new
        {
            code = "exports.greet = function (req) { return 'hello ' + req.headers.name; };",
            handler = "greet",
            request = new { headers = new Dictionary<string, string> { ["name"] = "grace" } },
        });

        Assert.True(response.Success, response.Error);
        Assert.Equal(200, response.Result!["statusCode"]!.GetValue<int>());
        Assert.Equal("hello grace", response.Result["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handler_UsingEnv_SeesTheEnvVars()
    {
        var response = await Post(new
        {
            code = "function handler(req) { return { statusCode: 200, body: env.API_KEY.length.toString() }; }",
            handler = "handler",
            envVars = new Dictionary<string, string> { ["API_KEY"] = "secret" },
        });

        Assert.True(response.Success, response.Error);
        Assert.Equal("6", response.Result!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScriptException_Is200WithRuntimeError()
    {
        var response = await Post(new { code = "console.log('before'); throw new Error('kaput');" });

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.Success);
        Assert.Equal("RuntimeError", response.ErrorType);
        Assert.Contains("kaput", response.Error);
        Assert.Equal("before\n", response.Stdout);
    }

    [Fact]
    public async Task SyntaxError_Is200WithCompileError()
    {
        var response = await Post(new { code = "var = ;" });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("CompileError", response.ErrorType);
    }

    [Fact]
    public async Task InfiniteLoop_EndsWithTimeout_KeepingPartialStdout()
    {
        var response = await Post(new { code = "console.log('started'); while (true) {}", timeout = 1000 });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("Timeout", response.ErrorType);
        Assert.Equal("started\n", response.Stdout);
        Assert.InRange(response.Body["duration"]!.GetValue<long>(), 900, 10_000);
    }

    [Fact]
    public async Task AppLog_EntriesAreReturned()
    {
        var response = await Post(new { code = "app_log('warn', 'disk almost full'); app_log('info', 'done'); null" });

        Assert.True(response.Success, response.Error);
        var logs = response.Body["logs"]!.AsArray();
        Assert.Equal(["warn", "info"], logs.Select(l => l!["level"]!.GetValue<string>()));
        Assert.Equal("disk almost full", logs[0]!["message"]!.GetValue<string>());
        Assert.EndsWith("Z", logs[0]!["timestamp"]!.GetValue<string>());
    }
    // An edge function request with every field a client sends: handler, request, env vars, timeout and memory.
    internal const string SeedExecuteFunctionBody = """
        {
          "code": "export default async (req) => ({ statusCode: 200, body: 'OK' })",
          "handler": "handler",
          "request": {
            "method": "GET",
            "url": "/",
            "headers": {},
            "body": "",
            "query": {}
          },
          "envVars": {
            "API_KEY": "secret"
          },
          "timeout": 10000,
          "memory": 128
        }
        """;

    // An edge function request as a client types it in a curl -d body: indented, without a request body field.
    internal const string SeedTestingBody = """
        {
            "code": "export default async (req) => ({ statusCode: 200, body: JSON.stringify({ message: \"Hello World\" }) })",
            "handler": "handler",
            "request": {
              "method": "GET",
              "url": "/",
              "headers": {},
              "query": {}
            },
            "envVars": {},
            "timeout": 10000,
            "memory": 128
          }
        """;

    [Fact]
    public async Task Seed000_ExecuteFunctionExample_AnswersAsDocumented()
    {
        var response = await ScriptRunnerApp.PostRawAsync(_client, SeedExecuteFunctionBody);

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.Success, response.Error);
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"OK\"}", response.Result!.ToJsonString(ScriptRunner.Tests.Sandbox.JavaScript.JsHarness.Relaxed));
        Assert.True(response.Body["duration"]!.GetValue<long>() >= 0);
    }

    [Fact]
    public async Task Seed000_TestingExample_AnswersAsDocumented()
    {
        var response = await ScriptRunnerApp.PostRawAsync(_client, SeedTestingBody);

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.Success, response.Error);
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"{\\\"message\\\":\\\"Hello World\\\"}\"}", response.Result!.ToJsonString(ScriptRunner.Tests.Sandbox.JavaScript.JsHarness.Relaxed));
    }

    [Fact]
    public async Task DefaultExport_GetsTheRequest_WhenNoHandlerIsNamed()
    {
        var response = await Post(new
        {
            code = "export default async (req) => ({ statusCode: 201, body: req.method + ' ' + req.url })",
            request = new { method = "POST", url = "/items" },
        });

        Assert.True(response.Success, response.Error);
        Assert.Equal("{\"statusCode\":201,\"headers\":{},\"body\":\"POST /items\"}", response.Result!.ToJsonString(ScriptRunner.Tests.Sandbox.JavaScript.JsHarness.Relaxed));
    }

    [Fact]
    public async Task WorkersModule_FetchesFromTheLocalServerAndAnswersWithAResponse()
    {
        _app.Files.MapText("/data/greeting.json", "{\"greeting\":\"hi\"}", "application/json");
        var response = await Post(new
        {
            code = "export default { async fetch(request, env) { const r = await fetch(env.DATA_URL); const { greeting } = await r.json(); " +
                   "return Response.json({ greeting, path: new URL(request.url).pathname }, { headers: { 'x-engine': 'jint' } }); } };",
            handler = "fetch",
            request = new { method = "GET", url = "/hello" },
            envVars = new Dictionary<string, string> { ["DATA_URL"] = _app.Files.Url("/data/greeting.json").AbsoluteUri },
        });

        Assert.True(response.Success, response.Error);
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\",\"x-engine\":\"jint\"},\"body\":\"{\\\"greeting\\\":\\\"hi\\\",\\\"path\\\":\\\"/hello\\\"}\"}",
            response.Result!.ToJsonString(ScriptRunner.Tests.Sandbox.JavaScript.JsHarness.Relaxed));
    }
}
