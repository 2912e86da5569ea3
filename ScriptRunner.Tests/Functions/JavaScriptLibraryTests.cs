using ScriptRunner.Tests.Sandbox.JavaScript;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Functions;

/// <summary>Real UMD builds of popular libraries, downloaded from a local server and called, end to end over HTTP.</summary>
public sealed class JavaScriptLibraryTests : IClassFixture<JavaScriptLibraryTests.App>
{
    private readonly App _app;

    public JavaScriptLibraryTests(App app) => _app = app;

    /// <summary>The app with downloads from loopback allowed, plus the file server holding the bundles.</summary>
    public sealed class App : IDisposable
    {
        public LoopbackServer Files { get; } = new();

        public ScriptRunnerApp Server { get; } = new(("ScriptRunner:Download:AllowPrivateNetworks", "true"));

        public void Dispose()
        {
            Server.Dispose();
            Files.Dispose();
        }
    }

    // Each UMD build sees `module` and `exports` and so takes its CommonJS branch; the glue keeps each export.
    private async Task<ApiResponse> RunBundle(string path, string calls, string? handler = null, object? request = null)
    {
        var bundle = string.Join("\n",
            JavaScriptLibraries.Read("lodash.min.js"), ";const lodash = module.exports; module.exports = {};",
            JavaScriptLibraries.Read("underscore-umd-min.js"), ";const underscore = module.exports; module.exports = {};",
            JavaScriptLibraries.Read("dayjs.min.js"), ";const dayjs = module.exports; module.exports = {};",
            calls);
        _app.Files.MapText(path, bundle, "text/javascript");
        return await ScriptRunnerApp.PostAsync(_app.Server.Client(), new { url = _app.Files.Url(path).AbsoluteUri, handler, request });
    }

    [Fact]
    public async Task Lodash_UnderscoreAndDayjs_LoadAndAnswer()
    {
        var response = await RunBundle("/lib/bundle.js",
            "[lodash.chunk(['a', 'b', 'c', 'd'], 2), lodash.get({ a: [{ b: 3 }] }, 'a[0].b'), lodash.VERSION, " +
            "underscore.uniq([1, 2, 1, 3]), underscore.pluck([{ n: 'x' }, { n: 'y' }], 'n'), " +
            "dayjs('2020-01-02T03:04:05Z').add(1, 'day').toISOString(), dayjs('2020-01-02T03:04:05Z').format('YYYY-MM-DD')]");

        Assert.True(response.Success, response.Error);
        Assert.Equal("[[[\"a\",\"b\"],[\"c\",\"d\"]],3,\"4.17.21\",[1,2,3],[\"x\",\"y\"],\"2020-01-03T03:04:05.000Z\",\"2020-01-02\"]",
            response.Result!.ToJsonString(JsHarness.Relaxed));
    }

    [Fact]
    public async Task Lodash_DebounceRunsOnTheEventLoop()
    {
        var response = await RunBundle("/lib/debounce.js",
            "new Promise(resolve => { let calls = 0; const d = lodash.debounce(() => resolve(++calls), 10); d(); d(); d(); })");

        Assert.True(response.Success, response.Error);
        Assert.Equal("1", response.Result!.ToJsonString());
    }

    [Fact]
    public async Task Lodash_TemplateNeedsStringCompilation_AndIsRefused()
    {
        var response = await RunBundle("/lib/template.js", "lodash.template('hello <%= user %>')({ user: 'fred' })");

        Assert.Equal("RuntimeError", response.ErrorType);
        Assert.Equal("TypeError: the Function constructor is not allowed", response.Error);
    }

    [Fact]
    public async Task Library_InsideAHandler_IsCalledPerRequest()
    {
        var response = await RunBundle("/lib/handler.js",
            "module.exports = { handler: (req) => ({ statusCode: 200, body: lodash.kebabCase(req.query.title) }) };", "handler",
            new { query = new { title = "Hello World Again" } });

        Assert.True(response.Success, response.Error);
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"hello-world-again\"}", response.Result!.ToJsonString());
    }
}
