namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary>URLPattern: matching, groups, constructor strings, options, and the TypeError an invalid pattern raises.</summary>
public sealed class UrlPatternTests
{
    private static string Result(string engine, string code) => JsHarness.On(engine).Result(code);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Exec_NamedGroups_AreReturnedPerComponent(string engine) =>
        Assert.Equal("{\"id\":\"42\",\"host\":\"shop\",\"input\":\"/books/42\"}",
            Result(engine, "const m = new URLPattern({ hostname: ':host.example.com', pathname: '/books/:id' }).exec('https://shop.example.com/books/42'); " +
                "({ id: m.pathname.groups.id, host: m.hostname.groups.host, input: m.pathname.input })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ConstructorString_WithBaseUrl_MatchesRelativePaths(string engine) =>
        Assert.Equal("[true,false,\"https\",\"example.com\",\"/api/*\"]",
            Result(engine, "const p = new URLPattern('/api/*', 'https://example.com'); [p.test('https://example.com/api/v1/users'), p.test('https://example.org/api/v1'), p.protocol, p.hostname, p.pathname]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Modifiers_OptionalAndRepeatedGroups(string engine) =>
        Assert.Equal("[true,true,false,\"a/b/c\"]",
            Result(engine, "const p = new URLPattern({ pathname: '/products/:id?' }); const q = new URLPattern({ pathname: '/files/:path+' }); " +
                "[p.test({ pathname: '/products' }), p.test({ pathname: '/products/7' }), p.test({ pathname: '/products/' }), q.exec({ pathname: '/files/a/b/c' }).pathname.groups.path]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void IgnoreCase_AndRegExpGroups(string engine) =>
        Assert.Equal("[true,false,true,false]",
            Result(engine, "const p = new URLPattern({ pathname: '/Items/:n(\\\\d+)' }, { ignoreCase: true }); " +
                "[p.test({ pathname: '/items/12' }), p.test({ pathname: '/items/x' }), p.hasRegExpGroups, new URLPattern({ pathname: '/a/:b' }).hasRegExpGroups]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void InvalidPattern_UnclosedGroup_ThrowsTypeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("new URLPattern({ pathname: '/books/(\\\\d+' })");
        Assert.False(run.Outcome.Success);
        Assert.Equal("TypeError: Invalid URLPattern: an unclosed regular expression group at position 7 in '/books/(\\d+'", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void InvalidPattern_BadRegularExpression_ThrowsTypeErrorNotSyntaxError(string engine)
    {
        var run = JsHarness.On(engine).Execute("new URLPattern({ pathname: '/:id([a-)' })");
        Assert.False(run.Outcome.Success);
        Assert.Equal("TypeError: Invalid URLPattern: '/:id([a-)' does not compile to a valid regular expression", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void InvalidPattern_BadHostname_ThrowsTypeErrorCaughtByTheScript(string engine) =>
        Assert.Equal("[\"TypeError\",\"Invalid URLPattern: 'exa mple' is not a valid hostname\"]",
            Result(engine, "try { new URLPattern({ hostname: 'exa mple' }); null } catch (e) { [e.constructor.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RelativePatternString_WithoutBase_ThrowsTypeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("new URLPattern('/books/:id')");
        Assert.Equal("TypeError: Invalid URLPattern: '/books/:id' is relative and no base URL was given", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Sample_Router_RoutesByPattern(string engine)
    {
        var code = WptData.ReadRepositoryFile(Path.Combine("samples", "js", "urlpattern-router.mjs"));
        string Route(string url)
        {
            var result = System.Text.Json.Nodes.JsonNode.Parse(JsHarness.On(engine).Json(JsHarness.On(engine).Execute(code, handler: "fetch", requestJson: $"{{\"url\":\"{url}\"}}")))!;
            return $"{result["statusCode"]} {result["body"]}";
        }

        Assert.Equal("200 {\"book\":42,\"format\":\"short\"}", Route("/books/42?format=short"));
        Assert.Equal("200 {\"author\":\"Ada Lovelace\",\"page\":3}", Route("/authors/Ada%20Lovelace/books/3"));
        Assert.Equal("200 file css/site.css", Route("/static/css/site.css"));
        Assert.Equal("404 {\"error\":\"no route for /books/abc\"}", Route("/books/abc"));
    }
}
