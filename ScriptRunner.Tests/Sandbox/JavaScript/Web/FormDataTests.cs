namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary><c>FormData</c>, after what WPT's xhr/formdata suite checks.</summary>
public sealed class FormDataTests
{
    private static string Eval(string engine, string code) => JsHarness.On(engine).Json(JsHarness.On(engine).Execute(code));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Append_KeepsEveryValue_GetGivesTheFirst_GetAllThemAll(string engine) =>
        Assert.Equal("[\"1\",[\"1\",\"2\"],null,[],true,false]",
            Eval(engine, "const f = new FormData(); f.append('a', '1'); f.append('a', '2'); [f.get('a'), f.getAll('a'), f.get('b'), f.getAll('b'), f.has('a'), f.has('b')]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Values_AreConvertedToStrings_AndLoneSurrogatesReplaced(string engine) =>
        Assert.Equal("[\"1\",\"null\",\"\ufffd\",\"\ufffd\"]",
            Eval(engine, "const f = new FormData(); f.append('n', 1); f.append('z', null); f.append('\\ud800', '\\udc00'); [f.get('n'), f.get('z'), [...f.keys()][2], f.get('\\ufffd')]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ANameOrValueThatIsASymbol_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"TypeError\",\"TypeError\"]",
            Eval(engine, "const f = new FormData(); const name = (g) => { try { g(); return 'none'; } catch (e) { return e.name; } }; [name(() => f.append(Symbol('n'), 'v')), name(() => f.append('n', Symbol('v'))), name(() => new Blob([Symbol('p')]))]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Set_ReplacesTheFirstInPlace_AndRemovesTheRest(string engine) =>
        Assert.Equal("[[\"a\",\"new\"],[\"b\",\"y\"],[\"c\",\"z\"]]",
            Eval(engine, "const f = new FormData(); f.append('a', 'x'); f.append('b', 'y'); f.append('a', 'w'); f.append('c', 'z'); f.set('a', 'new'); [...f]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Set_OfANewName_Appends(string engine) =>
        Assert.Equal("[[\"a\",\"1\"],[\"b\",\"2\"]]", Eval(engine, "const f = new FormData(); f.append('a', '1'); f.set('b', '2'); [...f]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Delete_RemovesEveryEntryOfTheName(string engine) =>
        Assert.Equal("[[\"b\",\"2\"]]", Eval(engine, "const f = new FormData(); f.append('a', '1'); f.append('b', '2'); f.append('a', '3'); f.delete('a'); [...f]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Iteration_KeysValuesEntriesForEach_InOrder(string engine) =>
        Assert.Equal("[[\"a\",\"b\"],[\"1\",\"2\"],[[\"a\",\"1\"],[\"b\",\"2\"]],[\"1a\",\"2b\"],true]",
            Eval(engine, "const f = new FormData(); f.append('a', '1'); f.append('b', '2'); const seen = []; let same = true; f.forEach(function (v, k, o) { seen.push(v + k); same = same && o === f; }); [[...f.keys()], [...f.values()], [...f.entries()], seen, same]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Iteration_SeesEntriesAppendedMeanwhile(string engine) =>
        Assert.Equal("[\"a\",\"b\"]", Eval(engine, "const f = new FormData(); f.append('a', '1'); const keys = []; for (const [k] of f) { keys.push(k); if (k === 'a') f.append('b', '2'); } keys"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ABlobValue_BecomesAFileNamedBlob_OrTheGivenName(string engine) =>
        Assert.Equal("[true,\"blob\",\"text/x\",\"pic.png\",\"hi\"]",
            Eval(engine, "(async () => { const f = new FormData(); f.append('a', new Blob(['hi'], { type: 'text/x' })); f.append('b', new Blob(['hi']), 'pic.png'); const a = f.get('a'); return [a instanceof File, a.name, a.type, f.get('b').name, await f.get('b').text()]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AFileValue_IsKept_UnlessAFilenameIsGiven(string engine) =>
        Assert.Equal("[true,\"orig.txt\",\"renamed.txt\",5,\"text/plain\"]",
            Eval(engine, "const file = new File(['x'], 'orig.txt', { type: 'text/plain', lastModified: 5 }); const f = new FormData(); f.append('a', file); f.set('b', file, 'renamed.txt'); const b = f.get('b'); [f.get('a') === file, f.get('a').name, b.name, b.lastModified, b.type]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AFilenameWithAStringValue_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'.\"]",
            Eval(engine, "try { new FormData().append('a', 'text', 'name.txt'); } catch (e) { [e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TooFewArguments_AreTypeErrors(string engine) =>
        Assert.Equal("[\"Failed to execute 'append' on 'FormData': 2 arguments required, but only 1 present.\",\"Failed to execute 'get' on 'FormData': 1 argument required, but only 0 present.\"]",
            Eval(engine, "const f = new FormData(); const msg = (g) => { try { g(); } catch (e) { return e.message; } }; [msg(() => f.append('a')), msg(() => f.get())]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Constructor_WithAnythingButNothing_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.\",\"[object FormData]\"]",
            Eval(engine, "try { new FormData({}); } catch (e) { [e.name, e.message, Object.prototype.toString.call(new FormData())] }"));
}
