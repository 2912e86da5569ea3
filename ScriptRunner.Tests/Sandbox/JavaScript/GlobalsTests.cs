using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>The globals every script sees, each with real values.</summary>
public sealed class GlobalsTests
{
    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_LogInfoDebug_GoToStdout_WarnError_GoToStderr(string engine)
    {
        var run = JsHarness.On(engine).Execute("console.log('a'); console.info('b'); console.debug('c'); console.warn('w'); console.error('e');");
        Assert.Equal("a\nb\nc\n", run.Output.Stdout);
        Assert.Equal("w\ne\n", run.Output.Stderr);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_PrintsValuesLikeNode(string engine) =>
        Assert.Equal("text 1 -0 1.5 true null undefined [ 1, 'a' ] { k: 'v', n: { m: 2 } } [Function: f] [Function (anonymous)] [class A] NaN 5n Symbol(s)\n",
            JsHarness.On(engine).Execute("function f() {} class A {} console.log('text', 1, -0, 1.5, true, null, undefined, [1, 'a'], { k: 'v', n: { m: 2 } }, f, () => {}, A, NaN, 5n, Symbol('s'));").Output.Stdout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_StopsAtDepthTwo(string engine) =>
        Assert.Equal("{ a: { b: { c: [Object] } }, l: [ [ [Array] ] ] }\n", JsHarness.On(engine).Execute("console.log({ a: { b: { c: { d: 1 } } }, l: [[[1]]] })").Output.Stdout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_MarksCircularReferences(string engine) =>
        Assert.Equal("<ref *1> { name: 'o', self: [Circular *1] }\n", JsHarness.On(engine).Execute("const o = { name: 'o' }; o.self = o; console.log(o)").Output.Stdout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_PrintsCollectionsDatesRegexpsAndGetters(string engine) =>
        Assert.Equal("Map(1) { 'k' => 1 } Set(2) { 1, 2 } 1970-01-01T00:00:00.000Z /a+/g { x: [Getter] } Uint8Array(2) [ 1, 2 ] [Object: null prototype] {} Point { x: 1 }\n",
            JsHarness.On(engine).Execute("class Point { constructor() { this.x = 1; } } console.log(new Map([['k', 1]]), new Set([1, 2]), new Date(0), /a+/g, { get x() { return 1; } }, new Uint8Array([1, 2]), Object.create(null), new Point())").Output.Stdout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_PrintsErrorsWithTheirStack(string engine) =>
        Assert.Equal("TypeError: bad\n    at main.js:1:13\n", JsHarness.On(engine).Execute("console.log(new TypeError('bad'))").Output.Stdout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_BreaksLongObjectsOverLines(string engine) =>
        Assert.Equal("{\n  alpha: 'aaaaaaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccccccc'\n}\n",
            JsHarness.On(engine).Execute("console.log({ alpha: 'a'.repeat(20), beta: 'b'.repeat(20), gamma: 'c'.repeat(20) })").Output.Stdout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_GroupsLongNumberArraysInColumns(string engine) =>
        Assert.Equal("[\n  1, 2, 3, 4,  5,\n  6, 7, 8, 9, 10\n]\n", JsHarness.On(engine).Execute("console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])").Output.Stdout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_FormatSubstitutions(string engine) =>
        Assert.Equal("s=str d=42 i=3 f=1.5 j={\"a\":[1]} o={ a: [ 1 ] } O={ a: [ 1 ] } %=% extra { b: 1 }\n",
            JsHarness.On(engine).Execute("console.log('s=%s d=%d i=%i f=%f j=%j o=%o O=%O %%=%', 'str', '42', 3.9, '1.5x', { a: [1] }, { a: [1] }, { a: [1] }, 'extra', { b: 1 })").Output.Stdout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Console_WithNoArguments_PrintsEmptyLine(string engine) => Assert.Equal("\n", JsHarness.On(engine).Execute("console.log()").Output.Stdout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Env_ExposesEnvVarsAndIsFrozen(string engine)
    {
        var run = JsHarness.On(engine).Execute("'use strict'; const before = env.API_KEY; try { env.API_KEY = 'changed'; } catch (e) { console.log(e.name); } [before, env.MISSING === undefined, Object.isFrozen(env)]",
            env: new Dictionary<string, string> { ["API_KEY"] = "secret" });
        Assert.Equal("[\"secret\",true,true]", JsHarness.On(engine).Json(run));
        Assert.Equal("TypeError\n", run.Output.Stdout);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AppLog_RecordsStructuredEntries(string engine)
    {
        var run = JsHarness.On(engine).Execute("app_log('warn', 'disk low'); app_log('info', { a: 1 }); app_log();");
        Assert.Collection(run.Output.Logs,
            e => { Assert.Equal("warn", e.Level); Assert.Equal("disk low", e.Message); },
            e => { Assert.Equal("info", e.Level); Assert.Equal("{\"a\":1}", e.Message); },
            e => { Assert.Equal("info", e.Level); Assert.Equal("", e.Message); });
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void GetUnixtime_ReturnsSecondsFromHostClock(string engine)
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        Assert.Equal("1700000000", JsHarness.On(engine).Json(JsHarness.On(engine).Execute("get_unixtime()", clock: clock)));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void GlobalThisAndSelf_AreTheGlobalObject(string engine) => Assert.Equal("[true,true,5]", JsHarness.On(engine).Result("var x = 5; [globalThis === this, self === globalThis, self.x]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void EveryWebGlobal_IsThereForAScriptThatReachesItOnlyIndirectly(string engine)
    {
        // The script names no web global: it reaches each through globalThis[name], by a name made at run time.
        var names = System.Text.Json.JsonSerializer.Serialize(ScriptRunner.Sandbox.JavaScript.JavaScriptPrelude.GlobalNames.Select(n => string.Concat(n.Reverse())));
        var code = $"const missing = []; for (const reversed of {names}) {{ const name = reversed.split('').reverse().join(''); " +
            "const value = globalThis[name]; if (value === undefined || value === null || !Object.getOwnPropertyNames(globalThis).includes(name)) missing.push(name); } missing";

        Assert.Equal("[]", JsHarness.On(engine).Result(code));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AWebGlobal_IsThereForASloppyFunctionsThis(string engine) =>
        Assert.Equal("[\"function\",\"object\"]", JsHarness.On(engine).Result(
            "const g = (function () { return this; })(); [typeof g['UR' + 'L'], typeof g['con' + 'sole']]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AWebGlobal_IsThereForCodeCompiledFromAString_WhereThatIsAllowed(string engine)
    {
        var sandbox = JsEngines.AllowingStringCompilation(engine);

        Assert.Equal("[\"function\",\"function\"]", JsHarness.Result(
            "const indirect = eval; [indirect('typeof ' + 'UR' + 'L'), new Function('return typeof Hea' + 'ders')()]", sandbox: sandbox, engine: engine));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ModuleAndExports_ExistInScriptsAndShareTheObject(string engine) => Assert.Equal("[true,\"object\"]", JsHarness.On(engine).Result("[module.exports === exports, typeof exports]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TextEncoderDecoder_RoundTripUtf8(string engine) =>
        Assert.Equal("[[104,195,169,240,159,152,128],true,\"utf-8\",true]",
            JsHarness.On(engine).Result("const b = new TextEncoder().encode('hé😀'); [Array.from(b), new TextDecoder().decode(b) === 'hé😀', new TextDecoder().encoding, new TextDecoder().decode(new Uint8Array([97, 0xff, 98])) === 'a\\uFFFDb']"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TextDecoder_FatalRejectsInvalidBytes(string engine) =>
        Assert.Equal("\"TypeError\"", JsHarness.On(engine).Result("try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AtobBtoa_Base64(string engine) =>
        Assert.Equal("[\"aGVsbG8gd29ybGQ=\",\"hello world\",\"InvalidCharacterError\"]",
            JsHarness.On(engine).Result("let n; try { btoa('✓'); } catch (e) { n = e.name; } [btoa('hello world'), atob('aGVsbG8gd29ybGQ='), n]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StructuredClone_CopiesDeeplyKeepingCyclesAndTypes(string engine) =>
        Assert.Equal("[false,true,true,true,\"DataCloneError\"]",
            JsHarness.On(engine).Result("const o = { d: new Date(5), m: new Map([[1, { x: 1 }]]) }; o.self = o; const c = structuredClone(o); let n; try { structuredClone({ f() {} }); } catch (e) { n = e.name; } " +
                             "[c === o, c.self === c, c.d instanceof Date && c.d.getTime() === 5, c.m.get(1).x === 1 && c.m.get(1) !== o.m.get(1), n]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Crypto_RandomValuesAndUuid(string engine) =>
        Assert.Equal("[true,true,16,\"QuotaExceededError\"]",
            JsHarness.On(engine).Result("const a = crypto.getRandomValues(new Uint8Array(16)); const u = crypto.randomUUID(); let n; try { crypto.getRandomValues(new Uint8Array(65537)); } catch (e) { n = e.name; } " +
                             "[/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u), u !== crypto.randomUUID(), a.length, n]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Url_ParsesComponents(string engine) =>
        Assert.Equal("[\"https://user:pw@example.com:8443/a/b?x=1&y=two#frag\",\"https:\",\"example.com:8443\",\"example.com\",\"8443\",\"/a/b\",\"?x=1&y=two\",\"#frag\",\"https://example.com:8443\",\"user\",\"pw\"]",
            JsHarness.On(engine).Result("const u = new URL('HTTPS://user:pw@Example.com:8443/a/./c/../b?x=1&y=two#frag'); [u.href, u.protocol, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin, u.username, u.password]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Url_NormalizesPortsPathsEncodingAndIpv4(string engine) =>
        Assert.Equal("[\"http://example.com/\",\"\",\"https://x.test/a%20b/%C3%A9?q=%20%22#\",\"http://192.168.0.1/\",\"http://x.test/c\"]",
            JsHarness.On(engine).Result("[new URL('http://example.com:80').href, new URL('http://example.com:80').port, new URL('https://x.test/a b/é?q= \"# ').href, new URL('http://0xC0.168.0.1').href, new URL('http:\\\\\\\\x.test\\\\a\\\\..\\\\c').href]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Url_ResolvesRelativeToBase(string engine) =>
        Assert.Equal("[\"https://example.com/a/d?q=1\",\"https://example.com/root\",\"https://other.org/x\",\"https://example.com/a/b?z#h\",\"https://example.com/x\"]",
            JsHarness.On(engine).Result("const b = 'https://example.com/a/b?z'; [new URL('d?q=1', b).href, new URL('/root', b).href, new URL('//other.org/x', b).href, new URL('#h', b).href, new URL('../../x', b).href]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Url_NonSpecialSchemesKeepOpaquePaths(string engine) =>
        Assert.Equal("[\"mailto:someone@example.com\",\"null\",\"someone@example.com\",\"\"]",
            JsHarness.On(engine).Result("const u = new URL('mailto:someone@example.com'); [u.href, u.origin, u.pathname, u.host]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Url_SearchParamsAndUrlStayLinkedBothWays(string engine) =>
        Assert.Equal("[\"https://x.test/?k=1&k=2&s=a+b&e=%26\",\"a b\",[\"1\",\"2\"],\"v\",\"https://x.test/\",0,\"https://x.test/?a=%C3%A9\"]",
            JsHarness.On(engine).Result("const u = new URL('https://x.test/?k=1&k=2&s=a+b'); const p = u.searchParams; p.append('e', '&'); const first = u.href; const s = p.get('s'); const all = p.getAll('k'); " +
                             "u.search = '?n=v'; const n = p.get('n'); p.delete('n'); const emptied = u.href; const size = p.size; p.set('a', 'é'); [first, s, all, n, emptied, size, u.href]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void UrlSearchParams_FromRecordsPairsAndSort(string engine) =>
        Assert.Equal("[\"b=2&a=1\",\"x=1&x=0\",\"a=1&b=2\",[[\"a\",\"1\"],[\"b\",\"2\"]]]",
            JsHarness.On(engine).Result("const p = new URLSearchParams({ b: 2, a: 1 }); const s1 = p.toString(); const q = new URLSearchParams([['x', '1'], ['x', '0']]); p.sort(); [s1, q.toString(), p.toString(), [...p]]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Url_InvalidIsTypeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("new URL('not a url')");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("TypeError: Invalid URL: not a url", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Headers_AreCaseInsensitiveCombinedAndSorted(string engine) =>
        Assert.Equal("[\"a, b\",true,[[\"accept\",\"a, b\"],[\"x-z\",\"1\"]],null]",
            JsHarness.On(engine).Result("const h = new Headers({ 'X-Z': ' 1 ' }); h.append('Accept', 'a'); h.append('accept', 'b'); const g = h.get('ACCEPT'); const has = h.has('x-z'); const all = [...h]; h.delete('X-Z'); [g, has, all, h.get('x-z')]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RequestAndResponse_CarryBodiesOnce(string engine) =>
        Assert.Equal("[\"POST\",\"https://x.test/p\",\"{\\\"a\\\":1}\",true,\"TypeError\",201,false,\"application/json\",[1,2]]",
            JsHarness.On(engine).Result("(async () => { const r = new Request('https://x.test/p', { method: 'post', body: JSON.stringify({ a: 1 }) }); const t = await r.text(); let n; try { await r.text(); } catch (e) { n = e.name; } " +
                             "const res = Response.json([1, 2], { status: 201 }); return [r.method, r.url, t, r.bodyUsed, n, res.status, res.ok && res.status > 299, res.headers.get('content-type'), await res.json()]; })()"));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
