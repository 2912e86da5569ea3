namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary><c>performance</c> on the execution's clock, after what WPT's hr-time and user-timing suites check.</summary>
public sealed class PerformanceTests
{
    private static string Eval(string engine, string code) => JsHarness.On(engine).Json(JsHarness.On(engine).Execute(code));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Now_CountsFromTheStartOfTheExecution_AndNeverGoesBack(string engine) =>
        Assert.Equal("[true,true,true]", Eval(engine, "const a = performance.now(); const b = performance.now(); [a >= 0, a < 5000, b >= a]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Now_IsTheClockTimersRunOn(string engine) =>
        Assert.Equal("true", Eval(engine, "const start = performance.now(); new Promise(r => setTimeout(r, 50)).then(() => performance.now() - start >= 49)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TimeOrigin_PlusNow_IsTheWallClock(string engine) =>
        Assert.Equal("[true,{\"timeOrigin\":true}]", Eval(engine, "const j = performance.toJSON(); [Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 100, { timeOrigin: j.timeOrigin === performance.timeOrigin }]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Mark_RecordsANamedMomentWithADetailCopy(string engine) =>
        Assert.Equal("[\"start\",\"mark\",0,true,{\"n\":1},false,\"[object PerformanceMark]\"]",
            Eval(engine, "const detail = { n: 1 }; const before = performance.now(); const m = performance.mark('start', { detail }); [m.name, m.entryType, m.duration, m.startTime >= before, m.detail, m.detail === detail, Object.prototype.toString.call(m)]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Mark_TakesAStartTime_ButNotANegativeOne(string engine) =>
        Assert.Equal("[12.5,\"TypeError\",\"Failed to construct 'PerformanceMark': 'startTime' cannot be negative.\"]",
            Eval(engine, "const m = performance.mark('m', { startTime: 12.5 }); try { performance.mark('bad', { startTime: -1 }); } catch (e) { [m.startTime, e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Measure_BetweenTwoMarks(string engine) =>
        Assert.Equal("[\"m\",\"measure\",10,30,null]", Eval(engine, "performance.mark('a', { startTime: 10 }); performance.mark('b', { startTime: 40 }); const m = performance.measure('m', 'a', 'b'); [m.name, m.entryType, m.startTime, m.duration, m.detail]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Measure_WithOptions_StartEndDurationAndDetail(string engine) =>
        Assert.Equal("[[5,10],[20,5],[15,10],{\"k\":\"v\"}]",
            Eval(engine, "const p = (m) => [m.startTime, m.duration]; performance.mark('x', { startTime: 15 }); [p(performance.measure('a', { start: 5, end: 15 })), p(performance.measure('b', { start: 20, duration: 5 })), p(performance.measure('c', { end: 25, duration: 10 })), performance.measure('d', { start: 'x', detail: { k: 'v' } }).detail]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Measure_WithoutStart_RunsFromZeroToNow(string engine) =>
        Assert.Equal("[0,true]", Eval(engine, "const m = performance.measure('all'); [m.startTime, m.duration <= performance.now()]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Measure_ToAMissingMark_IsASyntaxError(string engine) =>
        Assert.Equal("[\"SyntaxError\",true,\"Failed to execute 'measure' on 'Performance': The mark 'nope' does not exist.\"]",
            Eval(engine, "try { performance.measure('m', 'nope'); } catch (e) { [e.name, e instanceof DOMException, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Measure_WithContradictoryOptions_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"TypeError\",\"TypeError\"]",
            Eval(engine, "const name = (f) => { try { f(); return 'none'; } catch (e) { return e.name; } }; performance.mark('a'); [name(() => performance.measure('m', { start: 0 }, 'a')), name(() => performance.measure('m', { detail: 1 })), name(() => performance.measure('m', { start: 0, end: 1, duration: 1 }))]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void GetEntries_AreInStartTimeOrder_ByTypeAndByName(string engine) =>
        Assert.Equal("[[\"early\",\"span\",\"late\"],[\"early\",\"late\"],[\"span\"],[\"early\"],[],[\"span\"]]",
            Eval(engine, "performance.mark('late', { startTime: 30 }); performance.mark('early', { startTime: 10 }); performance.measure('span', { start: 20, end: 25 }); const names = (l) => l.map(e => e.name); [names(performance.getEntries()), names(performance.getEntriesByType('mark')), names(performance.getEntriesByType('measure')), names(performance.getEntriesByName('early')), names(performance.getEntriesByName('early', 'measure')), names(performance.getEntriesByName('span', 'measure'))]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ClearMarksAndMeasures_ByNameOrAll(string engine) =>
        Assert.Equal("[[\"m\",\"b\"],[\"m\"],[]]",
            Eval(engine, "performance.mark('a'); performance.mark('b'); performance.measure('m'); performance.clearMarks('a'); const one = performance.getEntries().map(e => e.name); performance.clearMarks(); const two = performance.getEntries().map(e => e.name); performance.clearMeasures(); [one, two, performance.getEntries()]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Entries_SerializeToJson(string engine) =>
        Assert.Equal("{\"name\":\"a\",\"entryType\":\"mark\",\"startTime\":3,\"duration\":0,\"detail\":null}", Eval(engine, "JSON.parse(JSON.stringify(performance.mark('a', { startTime: 3 })))"));
}
