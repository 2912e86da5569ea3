namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary>The URL parser on the cases the URL Standard is known for: IDNA hosts, IP addresses, relative special input, setters.</summary>
public sealed class UrlTests
{
    private static string Result(string engine, string code) => JsHarness.On(engine).Result(code);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Host_NonAscii_IsConvertedToPunycode(string engine) =>
        Assert.Equal("[\"xn--9ca\",\"xn--bcher-kva.example\",\"http://xn--fa-hia.de/\",\"abc.com\"]",
            Result(engine, "[new URL('http://é').host, new URL('https://Bücher.example/').hostname, new URL('http://faß.de').href, new URL('http://ＡＢＣ．com').host]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Host_InvalidPunycode_ThrowsTypeErrorInvalidUrl(string engine)
    {
        var run = JsHarness.On(engine).Execute("new URL('http://xn--a.ß/')");
        Assert.False(run.Outcome.Success);
        Assert.Equal("TypeError: Invalid URL: http://xn--a.ß/", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Host_NonAsciiPastTheHostLimit_ThrowsTypeErrorInvalidUrl(string engine) =>
        Assert.Equal("[\"TypeError\",\"Invalid URL: http://éé\"]",
            Result(engine, "try { new URL('http://' + 'é'.repeat(17000) + '/'); null } catch (e) { [e.name, e.message.slice(0, 22)] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Host_Ipv6_IsSerializedWithTheLongestZeroRunCompressed(string engine) =>
        Assert.Equal("[\"[::7f00:1]\",\"[::1]\",\"[1:0:0:2::3]\",\"[2001:db8::1]\"]",
            Result(engine, "['http://[::127.0.0.1]/', 'http://[0:0:0:0:0:0:0:1]/', 'http://[1:0:0:2:0:0:0:3]/', 'http://[2001:DB8:0::1]/'].map((u) => new URL(u).host)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Host_Ipv4_AcceptsHexOctalAndShortForms(string engine) =>
        Assert.Equal("[\"127.0.0.1\",\"127.0.0.1\",\"127.0.0.1\",\"127.0.0.1\",\"10.0.0.255\"]",
            Result(engine, "['http://0x7f.1/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://127.1/', 'http://10.0.0.0xff/'].map((u) => new URL(u).hostname)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Host_Ipv4OutOfRange_ThrowsTypeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("new URL('http://256.256.256.256.256/')");
        Assert.Equal("TypeError: Invalid URL: http://256.256.256.256.256/", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RelativeSpecialInput_WithTheBaseScheme_ResolvesAgainstTheBase(string engine) =>
        Assert.Equal("[\"http://base.test/example.com/\",\"http://base.test/a/example.com\",\"https://x/\",\"http://other.test/p\"]",
            Result(engine, "const b = 'http://base.test/a/b'; [new URL('http:/example.com/', b).href, new URL('http:example.com', b).href, new URL('https:/x', b).href, new URL('http:\\\\\\\\other.test\\\\p', b).href]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Setters_FollowTheStandard(string engine) =>
        Assert.Equal("[\"https://h.test:8080/\",\"http://h.test:8080/\",\"https://h.test:8080/\",\"http://x.test/\",\"http://x.test/a%20b\"]",
            Result(engine, "const u = new URL('https://h.test/'); const out = []; u.port = '8080abc'; out.push(u.href); u.protocol = 'http'; out.push(u.href); u.protocol = 'https:'; out.push(u.href); " +
                "const v = new URL('http://x.test/'); v.host = 'bad host'; v.protocol = 'mailto'; out.push(v.href); v.pathname = 'a b'; out.push(v.href); out"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void CanParseAndParse_AnswerWithoutThrowing(string engine) =>
        Assert.Equal("[true,false,\"https://a.test/x\",null]",
            Result(engine, "[URL.canParse('x', 'https://a.test/'), URL.canParse('http://[::1/'), URL.parse('/x', 'https://a.test/y').href, URL.parse('nope')]"));
}
