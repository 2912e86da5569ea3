using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

public sealed class GlobalsTests
{
    [Fact]
    public void Console_LogInfoDebug_GoToStdout()
    {
        var run = JsHarness.Execute("console.log('a'); console.info('b'); console.debug('c');");
        Assert.Equal("a\nb\nc\n", run.Output.Stdout);
        Assert.Equal("", run.Output.Stderr);
    }

    [Fact]
    public void Console_WarnError_GoToStderr()
    {
        var run = JsHarness.Execute("console.warn('w'); console.error('e');");
        Assert.Equal("w\ne\n", run.Output.Stderr);
        Assert.Equal("", run.Output.Stdout);
    }

    [Fact]
    public void Console_FormatsArgumentsLikeNodeJoinedBySpace()
    {
        var run = JsHarness.Execute("console.log('text', 1, 1.5, true, null, undefined, [1, 'a'], { k: 'v', n: { m: 2 } }, function () {}, NaN);");
        Assert.Equal("text 1 1.5 true null undefined [1,\"a\"] {\"k\":\"v\",\"n\":{\"m\":2}} [Function] NaN\n", run.Output.Stdout);
    }

    [Fact]
    public void Console_FormatsErrorsDatesCyclesAndGetters()
    {
        var run = JsHarness.Execute(
            "var o = { a: 1 }; o.self = o; var g = {}; Object.defineProperty(g, 'x', { get: function () { throw new Error('never'); }, enumerable: true });" +
            "console.log(new TypeError('bad'), new Date(0), o, g, /a+/g);");
        Assert.Equal("TypeError: bad 1970-01-01T00:00:00.000Z {\"a\":1,\"self\":[Circular]} {\"x\":\"[Getter/Setter]\"} /a+/g\n", run.Output.Stdout);
    }

    [Fact]
    public void Console_WithNoArguments_PrintsEmptyLine() => Assert.Equal("\n", JsHarness.Execute("console.log()").Output.Stdout);

    [Fact]
    public void Env_ExposesEnvVars()
    {
        var run = JsHarness.Execute("env.API_KEY + '/' + env.MISSING", env: new Dictionary<string, string> { ["API_KEY"] = "secret" });
        Assert.Equal("\"secret/undefined\"", run.Outcome.Result!.ToJsonString(JsHarness.Relaxed));
    }

    [Fact]
    public void Env_IsFrozen()
    {
        var run = JsHarness.Execute("'use strict'; env.API_KEY = 'changed';", env: new Dictionary<string, string> { ["API_KEY"] = "secret" });
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("[true,\"secret\"]", JsHarness.Execute("env.API_KEY = 'changed'; [Object.isFrozen(env), env.API_KEY]", env: new Dictionary<string, string> { ["API_KEY"] = "secret" }).Outcome.Result!.ToJsonString(JsHarness.Relaxed));
    }

    [Fact]
    public void AppLog_RecordsStructuredEntries()
    {
        var run = JsHarness.Execute("app_log('warn', 'disk low'); app_log('info', { a: 1 }); app_log();");
        Assert.Collection(run.Output.Logs,
            e => { Assert.Equal("warn", e.Level); Assert.Equal("disk low", e.Message); },
            e => { Assert.Equal("info", e.Level); Assert.Equal("{\"a\":1}", e.Message); },
            e => { Assert.Equal("info", e.Level); Assert.Equal("", e.Message); });
    }

    [Fact]
    public void GetUnixtime_ReturnsSecondsFromHostClock()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var run = JsHarness.Execute("get_unixtime()", clock: clock);
        Assert.Equal("1700000000", run.Outcome.Result!.ToJsonString(JsHarness.Relaxed));
    }

    [Fact]
    public void GlobalThis_IsTheGlobalObject() => Assert.Equal("[true,5]", JsHarness.Result("var x = 5; [globalThis === this, globalThis.x]"));

    [Fact]
    public void ModuleAndExports_ExistAndShareTheObject() => Assert.Equal("[true,\"object\"]", JsHarness.Result("[module.exports === exports, typeof exports]"));

    [Fact]
    public void Json_StringifyFollowsEs5() =>
        Assert.Equal("\"{\\n  \\\"a\\\": [\\n    1,\\n    null\\n  ],\\n  \\\"d\\\": \\\"1970-01-01T00:00:00.000Z\\\"\\n}\"",
            JsHarness.Result("JSON.stringify({ a: [1, undefined], f: function () {}, d: new Date(0) }, null, 2)"));

    [Fact]
    public void Json_StringifyWithReplacerFunctionAndArray() =>
        Assert.Equal("[\"{\\\"a\\\":2}\",\"{\\\"b\\\":2}\"]",
            JsHarness.Result("[JSON.stringify({ a: 1, b: 'x' }, function (k, v) { return k === 'b' ? undefined : (typeof v === 'number' ? v * 2 : v); }), JSON.stringify({ a: 1, b: 2 }, ['b'])]"));

    [Fact]
    public void Json_StringifyCycleIsTypeError()
    {
        var run = JsHarness.Execute("var o = {}; o.o = o; JSON.stringify(o)");
        Assert.Equal("TypeError: Converting circular structure to JSON", run.Outcome.Error);
    }

    [Fact]
    public void Json_ParseWithReviver() =>
        Assert.Equal("{\"a\":2,\"b\":[2,4]}", JsHarness.Result("JSON.parse('{\"a\":1,\"b\":[1,2]}', function (k, v) { return typeof v === 'number' ? v * 2 : v; })"));

    [Fact]
    public void Json_ParseInvalidIsSyntaxError()
    {
        var run = JsHarness.Execute("try { JSON.parse('{bad'); } catch (e) { e.name; }");
        Assert.Equal("\"SyntaxError\"", run.Outcome.Result!.ToJsonString(JsHarness.Relaxed));
    }

    [Fact]
    public void Url_ParsesComponents() =>
        Assert.Equal("[\"https://user:pw@example.com:8443/a/b?x=1&y=two#frag\",\"https:\",\"example.com:8443\",\"example.com\",\"8443\",\"/a/b\",\"?x=1&y=two\",\"#frag\",\"https://example.com:8443\"]",
            JsHarness.Result("var u = new URL('HTTPS://user:pw@Example.com:8443/a/./c/../b?x=1&y=two#frag'); [u.href, u.protocol, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin]"));

    [Fact]
    public void Url_DropsDefaultPortAndAddsRootPath() =>
        Assert.Equal("[\"http://example.com/\",\"\",\"/\"]", JsHarness.Result("var u = new URL('http://example.com:80'); [u.href, u.port, u.pathname]"));

    [Fact]
    public void Url_ResolvesRelativeToBase() =>
        Assert.Equal("[\"https://example.com/a/d?q=1\",\"https://example.com/root\",\"https://other.org/x\"]",
            JsHarness.Result("[new URL('d?q=1', 'https://example.com/a/b').href, new URL('/root', 'https://example.com/a/b').href, new URL('//other.org/x', 'https://example.com/').href]"));

    [Fact]
    public void Url_SearchParamsGetGetAllHasToString() =>
        Assert.Equal("[\"a b\",[\"1\",\"2\"],true,false,null,\"k=1&k=2&s=a+b&e=%26\"]",
            JsHarness.Result("var p = new URL('https://x.test/?k=1&k=2&s=a+b').searchParams; p.append('e', '&'); [p.get('s'), p.getAll('k'), p.has('k'), p.has('z'), p.get('z'), p.toString()]"));

    [Fact]
    public void Url_InvalidIsTypeError()
    {
        var run = JsHarness.Execute("new URL('not a url')");
        Assert.Equal("TypeError: Invalid URL: not a url", run.Outcome.Error);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Sort_DefaultOrderIsByStringWithUndefinedAndHolesLast() =>
        Assert.Equal("[[1,10,2,\"a\",null,null],6,false]", JsHarness.Result("var a = [10, undefined, 2, , 'a', 1]; a.sort(); [a, a.length, 5 in a]"));

    [Fact]
    public void Sort_WithComparatorIsStable() =>
        Assert.Equal("\"b1,a1,b2,a2\"", JsHarness.Result("[{k:2,n:'b2'},{k:1,n:'b1'},{k:2,n:'a2'},{k:1,n:'a1'}].sort(function (x, y) { return x.k - y.k; }).map(function (x) { return x.n; }).join()"));

    [Fact]
    public void Sort_WithInconsistentComparatorStillSorts() =>
        Assert.Equal("1000", JsHarness.Result("var a = []; for (var i = 0; i < 1000; i++) a.push(i); a.sort(function () { return Math.random() - 0.5; }).length"));
}
