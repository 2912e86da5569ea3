using System.Text.Json;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>
/// Intl and the locale methods give V8's answers for en-US and UTC on both engines (Jint's are corrected by the
/// prelude; see docs/javascript-intl.md for what still differs). Each expected string is V8's own answer.
/// </summary>
public sealed class IntlTests
{
    private const string Dates =
        "const d0 = new Date(0), d1 = new Date(Date.UTC(2024, 2, 5, 14, 7, 9, 45)), d2 = new Date(Date.UTC(2023, 11, 25, 0, 30, 0)), " +
        "d3 = new Date(Date.UTC(2024, 2, 8, 9, 0, 0)), d4 = new Date(Date.UTC(2024, 5, 1, 18, 30, 0)), d5 = new Date(Date.UTC(2025, 0, 2, 3, 4, 5));\n";

    private static TheoryData<string, string, string> Cases(params (string Code, string Expected)[] cases)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (code, expected) in cases)
        {
            data.Add(code, expected, "jint");
            data.Add(code, expected, "v8");
        }

        return data;
    }

    private static string Answer(string engine, string code) =>
        JsonSerializer.Deserialize<string>(JsHarness.On(engine).Result(Dates + "String((() => " + code + ")())"))!;

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void DateTimeFormat_YearAndLongMonth_HasNoComma(string engine) =>
        Assert.Equal("January 1970", Answer(engine, "new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long' }).format(new Date(0))"));

    [Theory]
    [MemberData(nameof(DateTimeFormatCases))]
    public void DateTimeFormat_AnswersAsV8(string code, string expected, string engine) => Assert.Equal(expected, Answer(engine, code));

    [Theory]
    [MemberData(nameof(NumberFormatCases))]
    public void NumberFormat_AnswersAsV8(string code, string expected, string engine) => Assert.Equal(expected, Answer(engine, code));

    [Theory]
    [MemberData(nameof(LocaleMethodsCases))]
    public void LocaleMethods_AnswerAsV8(string code, string expected, string engine) => Assert.Equal(expected, Answer(engine, code));

    [Theory]
    [MemberData(nameof(PluralRulesCases))]
    public void PluralRules_AnswerAsV8(string code, string expected, string engine) => Assert.Equal(expected, Answer(engine, code));

    [Theory]
    [MemberData(nameof(RelativeTimeFormatCases))]
    public void RelativeTimeFormat_AnswersAsV8(string code, string expected, string engine) => Assert.Equal(expected, Answer(engine, code));

    [Theory]
    [MemberData(nameof(CollatorCases))]
    public void Collator_SortsAsV8(string code, string expected, string engine) => Assert.Equal(expected, Answer(engine, code));

    [Theory]
    [MemberData(nameof(OtherCases))]
    public void Intl_DefaultsAndShapeAsV8(string code, string expected, string engine) => Assert.Equal(expected, Answer(engine, code));

    [Theory]
    [MemberData(nameof(MoreCases))]
    public void Intl_RangesZonesUnitsAndScriptsAnswerAsV8(string code, string expected, string engine) => Assert.Equal(expected, Answer(engine, code));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Sample_IntlInvoice_IsTheSameOnBothEngines(string engine) =>
        Assert.Equal(
            "{\"issued\":\"March 5, 2024\",\"due\":\"Apr 4, 2024\",\"lines\":[\"apple: $0.99\",\"Émile’s gadget: $5.00\",\"widget: $1,234.50\",\"Zebra stand: $42.00\"],\"tax\":\"7.25%\",\"total\":\"$1,375.47\"}",
            JsHarness.On(engine).Result(File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "js", "intl-invoice.js"))));

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Intl_ObjectsStaySubclassable(string engine) =>
        Assert.Equal("true|March 5, 2024", Answer(engine,
            "{ class Long extends Intl.DateTimeFormat { constructor() { super('en-US', { dateStyle: 'long' }); } } const f = new Long(); return (f instanceof Intl.DateTimeFormat) + '|' + f.format(d1); }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Intl_BadOptionsAreStillRangeErrors(string engine) =>
        Assert.Equal("RangeError|TypeError|TypeError", Answer(engine,
            "[() => new Intl.DateTimeFormat('en-US', { month: 'huge' }), () => new Intl.NumberFormat('en-US', { style: 'currency' }).format(1), () => new Intl.DateTimeFormat('en-US').formatToParts(Symbol())]" +
            ".map((f) => { try { f(); return 'none'; } catch (e) { return e.name; } }).join('|')"));

    public static TheoryData<string, string, string> NumberFormatCases => Cases(
        ("new Intl.NumberFormat('en-US').format(1234567.891)", "1,234,567.891"),
        ("[NaN, Infinity, -Infinity].map(x => new Intl.NumberFormat('en-US').format(x)).join('|')", "NaN|∞|-∞"),
        ("new Intl.NumberFormat('en-US').format(12345678901234567890n)", "12,345,678,901,234,567,890"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(-1234.5)", "-$1,234.50"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(1234.5)", "€1,234.50"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', currencyDisplay: 'code' }).format(12)", "EUR\u00a012.00"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', currencyDisplay: 'code' }).format(-12)", "-EUR\u00a012.00"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', currencyDisplay: 'name' }).format(12)", "12.00 euros"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencyDisplay: 'name' }).format(1)", "1.00 US dollars"),
        ("new Intl.NumberFormat('en-US', { style: 'percent' }).format(0.256)", "26%"),
        ("new Intl.NumberFormat('en-US', { style: 'percent', signDisplay: 'always' }).format(-0.256)", "-26%"),
        ("new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(0.2567)", "25.7%"),
        ("JSON.stringify(new Intl.NumberFormat('en-US', { style: 'percent' }).formatToParts(0.5))", "[{\"type\":\"integer\",\"value\":\"50\"},{\"type\":\"percentSign\",\"value\":\"%\"}]"),
        ("[0.5, 1.5, 2.5, -2.5, 1.005].map(x => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(x)).join('|')", "1|2|3|-3|1"),
        ("[999, 1234, 12345, 1234567, 1.5e9, 2e12].map(x => new Intl.NumberFormat('en-US', { notation: 'compact' }).format(x)).join('|')", "999|1.2K|12K|1.2M|1.5B|2T"),
        ("new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilometer-per-hour' }).format(50)", "50 km/h"),
        ("JSON.stringify(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatToParts(-1234.5))", "[{\"type\":\"minusSign\",\"value\":\"-\"},{\"type\":\"currency\",\"value\":\"$\"},{\"type\":\"integer\",\"value\":\"1\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"234\"},{\"type\":\"decimal\",\"value\":\".\"},{\"type\":\"fraction\",\"value\":\"50\"}]"),
        ("JSON.stringify(new Intl.NumberFormat('en-US').resolvedOptions())", "{\"locale\":\"en-US\",\"numberingSystem\":\"latn\",\"style\":\"decimal\",\"minimumIntegerDigits\":1,\"minimumFractionDigits\":0,\"maximumFractionDigits\":3,\"useGrouping\":\"auto\",\"notation\":\"standard\",\"signDisplay\":\"auto\",\"roundingIncrement\":1,\"roundingMode\":\"halfExpand\",\"roundingPriority\":\"auto\",\"trailingZeroDisplay\":\"auto\"}"),
        ("new Intl.NumberFormat().resolvedOptions().locale", "en-US"),
        ("new Intl.NumberFormat('en').resolvedOptions().locale", "en"),
        ("Intl.NumberFormat('en-US').format(5) + (Intl.NumberFormat('en-US') instanceof Intl.NumberFormat)", "5true"));

    public static TheoryData<string, string, string> DateTimeFormatCases => Cases(
        ("new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(d1)", "3/5/2024"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long' }).format(d0)", "January 1970"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short' }).format(d0)", "Jan 1970"),
        ("new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric' }).format(d1)", "March 5"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' }).format(d1)", "March 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(d1)", "Tuesday, March 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { weekday: 'short' }).format(d1)", "Tue"),
        ("new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric' }).format(d1)", "5 Tue"),
        ("new Intl.DateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'numeric', day: 'numeric' }).format(d1)", "Tuesday, 3/5/2024"),
        ("new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric' }).format(d1)", "Tue, Mar 5"),
        ("new Intl.DateTimeFormat('en-US', { year: '2-digit', month: '2-digit', day: '2-digit' }).format(d1)", "03/05/24"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(d1)", "2:07 PM"),
        ("new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit' }).format(d1)", "02:07 PM"),
        ("new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hour12: false }).format(d1)", "14:07"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', hour12: false }).format(d1)", "14"),
        ("new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d2)", "00:30"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(d2)", "12:30 AM"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric', second: 'numeric' }).format(d1)", "2:07:09 PM"),
        ("new Intl.DateTimeFormat('en-US', { minute: 'numeric', second: 'numeric', fractionalSecondDigits: 3 }).format(d1)", "07:09.045"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric', second: 'numeric', fractionalSecondDigits: 2 }).format(d1)", "2:07:09.04 PM"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'full' }).format(d1)", "Tuesday, March 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(d1)", "March 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(d1)", "Mar 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'short' }).format(d1)", "3/5/24"),
        ("new Intl.DateTimeFormat('en-US', { timeStyle: 'full' }).format(d1)", "2:07:09 PM Coordinated Universal Time"),
        ("new Intl.DateTimeFormat('en-US', { timeStyle: 'long' }).format(d1)", "2:07:09 PM UTC"),
        ("new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' }).format(d1)", "2:07:09 PM"),
        ("new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(d1)", "2:07 PM"),
        ("new Intl.DateTimeFormat('en-US', { timeStyle: 'short', hourCycle: 'h23' }).format(d1)", "14:07"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(d1)", "Mar 5, 2024, 2:07 PM"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'full' }).format(d1)", "Tuesday, March 5, 2024 at 2:07:09 PM Coordinated Universal Time"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'long' }).format(d1)", "March 5, 2024 at 2:07:09 PM UTC"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'medium' }).format(d1)", "3/5/24, 2:07:09 PM"),
        ("new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).format(d1)", "3/5/2024, UTC"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric', timeZoneName: 'short' }).format(d1)", "2:07 PM UTC"),
        ("new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', dateStyle: 'medium', timeStyle: 'long' }).format(d1)", "Mar 5, 2024, 9:07:09 AM EST"),
        ("new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', dateStyle: 'full', timeStyle: 'full' }).format(d1)", "Tuesday, March 5, 2024 at 9:07:09 AM Eastern Standard Time"),
        ("new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', hour: 'numeric', timeZoneName: 'long' }).format(d1)", "11 PM Japan Standard Time"),
        ("new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Kolkata', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: 'numeric' }).format(d2)", "Dec 25, 2023, 6:00 AM"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', era: 'short' }).format(d1)", "2024 AD"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', dayPeriod: 'long' }).format(d1)", "2 in the afternoon"),
        ("JSON.stringify(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).formatToParts(d1))", "[{\"type\":\"month\",\"value\":\"Mar\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"day\",\"value\":\"5\"},{\"type\":\"literal\",\"value\":\", \"},{\"type\":\"year\",\"value\":\"2024\"}]"),
        ("JSON.stringify(new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric' }).formatToParts(d1))", "[{\"type\":\"hour\",\"value\":\"2\"},{\"type\":\"literal\",\"value\":\":\"},{\"type\":\"minute\",\"value\":\"07\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"dayPeriod\",\"value\":\"PM\"}]"),
        ("JSON.stringify(new Intl.DateTimeFormat('en-US').resolvedOptions())", "{\"locale\":\"en-US\",\"calendar\":\"gregory\",\"numberingSystem\":\"latn\",\"timeZone\":\"UTC\",\"year\":\"numeric\",\"month\":\"numeric\",\"day\":\"numeric\"}"),
        ("JSON.stringify(new Intl.DateTimeFormat().resolvedOptions())", "{\"locale\":\"en-US\",\"calendar\":\"gregory\",\"numberingSystem\":\"latn\",\"timeZone\":\"UTC\",\"year\":\"numeric\",\"month\":\"numeric\",\"day\":\"numeric\"}"),
        ("JSON.stringify(new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).resolvedOptions())", "{\"locale\":\"en-US\",\"calendar\":\"gregory\",\"numberingSystem\":\"latn\",\"timeZone\":\"UTC\",\"hourCycle\":\"h12\",\"hour12\":true,\"hour\":\"numeric\",\"minute\":\"2-digit\"}"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).formatRange(d2, d1)", "Dec 25, 2023\u2009–\u2009Mar 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { month: 'narrow' }).format(d1)", "M"),
        ("new Intl.DateTimeFormat('en-US', { month: 'long' }).format(d1)", "March"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric' }).format(d1)", "2024"),
        ("new Intl.DateTimeFormat('en-US', { month: 'numeric', year: 'numeric' }).format(d1)", "3/2024"),
        ("new Intl.DateTimeFormat('en-US', { month: 'numeric', day: 'numeric' }).format(d1)", "3/5"),
        ("new Intl.DateTimeFormat('en-US', { day: 'numeric' }).format(d1)", "5"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric' }).format(d1)", "2 PM"),
        ("new Intl.DateTimeFormat('en-US', { minute: 'numeric' }).format(d1)", "7"),
        ("new Intl.DateTimeFormat('en-US', { second: 'numeric' }).format(d1)", "9"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(d1)", "Mar 5, 2024, 2:07 PM"),
        ("{ try { return new Intl.DateTimeFormat('en-US').format(NaN); } catch (e) { return e.name + ': ' + e.message; } }", "RangeError: Invalid time value"),
        ("[d0, d1].map(new Intl.DateTimeFormat('en-US', { month: 'short' }).format).join(',')", "Jan,Mar"));

    public static TheoryData<string, string, string> LocaleMethodsCases => Cases(
        ("(1234567.891).toLocaleString()", "1,234,567.891"),
        ("(0.5).toLocaleString('en-US', { style: 'percent' })", "50%"),
        ("(123456789n).toLocaleString('en-US')", "123,456,789"),
        ("d1.toLocaleString()", "3/5/2024, 2:07:09 PM"),
        ("d1.toLocaleString('en-US')", "3/5/2024, 2:07:09 PM"),
        ("d1.toLocaleDateString()", "3/5/2024"),
        ("d1.toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' })", "Tuesday, March 5, 2024"),
        ("d1.toLocaleDateString('en-US', { month: 'long' })", "March"),
        ("d1.toLocaleTimeString()", "2:07:09 PM"),
        ("d1.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' })", "02:07 PM"),
        ("d1.toLocaleTimeString('en-US', { timeZoneName: 'short' })", "2:07:09 PM UTC"),
        ("d1.toLocaleString('en-US', { timeZone: 'America/Los_Angeles' })", "3/5/2024, 6:07:09 AM"),
        ("new Date(NaN).toLocaleString()", "Invalid Date"),
        ("{ try { return d1.toLocaleDateString('en-US', { timeStyle: 'short' }); } catch (e) { return e.name; } }", "TypeError"),
        ("['resume', 'résumé', 'Resume', 'apple', 'Zebra', 'zebra'].sort((a, b) => a.localeCompare(b)).join(',')", "apple,resume,Resume,résumé,zebra,Zebra"),
        ("'a'.localeCompare('A', 'en-US', { sensitivity: 'base' })", "0"),
        ("['file10', 'file9', 'file1'].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).join(',')", "file1,file9,file10"),
        ("['a-b', 'ab', 'a b', 'a_b', 'aB'].sort((a, b) => a.localeCompare(b)).join(',')", "a b,a_b,a-b,ab,aB"),
        ("'é'.localeCompare('e\\u0301')", "0"),
        ("[1234.5, d0].toLocaleString()", "1,234.5,1/1/1970, 12:00:00 AM"));

    public static TheoryData<string, string, string> PluralRulesCases => Cases(
        ("[0, 1, 2, 1.5, -1].map(x => new Intl.PluralRules('en-US').select(x)).join('|')", "other|one|other|other|one"),
        ("[1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(x => new Intl.PluralRules('en-US', { type: 'ordinal' }).select(x)).join('|')", "one|two|few|other|other|other|other|one|two|few|one|other"),
        ("JSON.stringify(new Intl.PluralRules('en-US').resolvedOptions())", "{\"locale\":\"en\",\"type\":\"cardinal\",\"notation\":\"standard\",\"minimumIntegerDigits\":1,\"minimumFractionDigits\":0,\"maximumFractionDigits\":3,\"pluralCategories\":[\"one\",\"other\"],\"roundingIncrement\":1,\"roundingMode\":\"halfExpand\",\"roundingPriority\":\"auto\",\"trailingZeroDisplay\":\"auto\"}"),
        ("new Intl.PluralRules('en-US', { minimumFractionDigits: 1 }).select(1)", "other"),
        ("{ try { Intl.PluralRules(); return 'no throw'; } catch (e) { return e.name; } }", "TypeError"));

    public static TheoryData<string, string, string> RelativeTimeFormatCases => Cases(
        ("[-1, 1, -3, 3, 0].map(x => new Intl.RelativeTimeFormat('en-US').format(x, 'day')).join('|')", "1 day ago|in 1 day|3 days ago|in 3 days|in 0 days"),
        ("[-1, 1, 0, -2].map(x => new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' }).format(x, 'day')).join('|')", "yesterday|tomorrow|today|2 days ago"),
        ("new Intl.RelativeTimeFormat('en-US', { style: 'short' }).format(-3, 'month')", "3 mo. ago"),
        ("JSON.stringify(new Intl.RelativeTimeFormat('en-US').resolvedOptions())", "{\"locale\":\"en-US\",\"style\":\"long\",\"numeric\":\"always\",\"numberingSystem\":\"latn\"}"),
        ("{ try { Intl.RelativeTimeFormat(); return 'no throw'; } catch (e) { return e.name; } }", "TypeError"));

    public static TheoryData<string, string, string> CollatorCases => Cases(
        ("['b', 'a', 'B', 'ä', 'z', 'A', 'é', 'e', '10', '9', '_', ' '].sort(new Intl.Collator('en-US').compare).join(',')", " ,_,10,9,a,A,ä,b,B,e,é,z"),
        ("['10', '9', '2', '1', 'a10', 'a9', 'a01'].sort(new Intl.Collator('en-US', { numeric: true }).compare).join(',')", "1,2,9,10,a01,a9,a10"),
        ("[new Intl.Collator('en-US', { sensitivity: 'base' }).compare('a', 'Á'), new Intl.Collator('en-US', { sensitivity: 'accent' }).compare('a', 'A'), new Intl.Collator('en-US', { sensitivity: 'case' }).compare('a', 'á'), new Intl.Collator('en-US', { sensitivity: 'case' }).compare('a', 'A')].join('|')", "0|0|0|-1"),
        ("['a', 'A', 'b', 'B'].sort(new Intl.Collator('en-US', { caseFirst: 'upper' }).compare).join(',')", "A,a,B,b"),
        ("[new Intl.Collator('en-US').compare('a', 'b'), new Intl.Collator('en-US').compare('b', 'a'), new Intl.Collator('en-US').compare('a', 'a'), new Intl.Collator('en-US').compare('a', 'A')].join('|')", "-1|1|0|-1"),
        ("JSON.stringify(new Intl.Collator('en-US').resolvedOptions())", "{\"locale\":\"en-US\",\"usage\":\"sort\",\"sensitivity\":\"variant\",\"ignorePunctuation\":false,\"collation\":\"default\",\"numeric\":false,\"caseFirst\":\"false\"}"),
        ("new Intl.Collator('en-US', { ignorePunctuation: true }).compare('a-b', 'ab')", "0"),
        ("['Émile', 'Zoë', 'zoe', 'Ångström', 'Anders', 'anders', 'O\\'Brien', 'Obrien', 'van Dyke', 'Van Dyke', 'vanDyke', 'Øre', 'Oslo', 'straße', 'strasse', 'Straße'].sort(new Intl.Collator().compare).join(',')", "anders,Anders,Ångström,Émile,O'Brien,Obrien,Øre,Oslo,strasse,straße,Straße,van Dyke,Van Dyke,vanDyke,zoe,Zoë"),
        ("'The quick brown fox jumps over the lazy dog and then some Apple apple APPLE 123 45 6 item-2 item_1 item 3 café cafe Cafe naïve naive résumé resume'.split(' ').sort((a, b) => a.localeCompare(b)).join(',')", "123,3,45,6,and,apple,Apple,APPLE,brown,cafe,Cafe,café,dog,fox,item,item_1,item-2,jumps,lazy,naive,naïve,over,quick,resume,résumé,some,the,The,then"));

    public static TheoryData<string, string, string> OtherCases => Cases(
        ("new Intl.ListFormat('en-US').format(['a', 'b', 'c'])", "a, b, and c"),
        ("new Intl.NumberFormat().resolvedOptions().locale", "en-US"),
        ("Intl.DateTimeFormat().resolvedOptions().timeZone", "UTC"),
        ("[new Intl.DateTimeFormat() instanceof Intl.DateTimeFormat, Intl.DateTimeFormat.name, Intl.DateTimeFormat.length, typeof Intl.DateTimeFormat.supportedLocalesOf, Object.prototype.toString.call(new Intl.Collator())].join('|')", "true|DateTimeFormat|0|function|[object Intl.Collator]"));

    public static TheoryData<string, string, string> MoreCases => Cases(
        ("JSON.stringify(new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).formatRangeToParts(d1, d3))", "[{\"type\":\"month\",\"value\":\"Mar\",\"source\":\"shared\"},{\"type\":\"literal\",\"value\":\" \",\"source\":\"shared\"},{\"type\":\"day\",\"value\":\"5\",\"source\":\"startRange\"},{\"type\":\"literal\",\"value\":\"\u2009\u2013\u2009\",\"source\":\"shared\"},{\"type\":\"day\",\"value\":\"8\",\"source\":\"endRange\"}]"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'short', hour12: false }).format(d1)", "3/5/24, 14:07"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric', hourCycle: 'h11' }).format(new Date(Date.UTC(2024, 0, 1, 12, 5)))", "0:05 PM"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric', hourCycle: 'h24' }).format(new Date(Date.UTC(2024, 0, 1, 0, 5)))", "24:05"),
        ("new Intl.DateTimeFormat('en-US', { timeZone: '+05:30', timeStyle: 'long' }).format(d1)", "7:37:09 PM GMT+5:30"),
        ("new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'long', hour: 'numeric' }).format(d4)", "8 PM Central European Summer Time"),
        ("new Intl.DateTimeFormat('en-US', { year: '2-digit', month: 'short' }).format(d1)", "Mar 24"),
        ("new Intl.DateTimeFormat('en-US', { weekday: 'narrow' }).format(d1)", "T"),
        ("new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric' }).format(d1)", "Mar 5, 2 PM"),
        ("new Intl.DateTimeFormat('en-US', { weekday: 'short', hour: 'numeric', minute: 'numeric' }).format(d1)", "Tue 2:07 PM"),
        ("new Intl.DateTimeFormat('en-US', { second: '2-digit' }).format(d1)", "9"),
        ("new Intl.DateTimeFormat('en-US', { minute: '2-digit' }).format(d1)", "7"),
        ("new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d1)", "02:07:09 PM"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', hour12: true, hourCycle: 'h23' }).format(d1)", "2 PM"),
        ("d1.toLocaleDateString('en', { month: 'short', day: 'numeric' })", "Mar 5"),
        ("d1.toLocaleString('en-US', { hour12: false })", "3/5/2024, 14:07:09"),
        ("d1.toLocaleTimeString('en-US', { hour12: false })", "14:07:09"),
        ("new Date(Date.UTC(2024,0,1,0,5)).toLocaleString('en-US', { hour12: false })", "1/1/2024, 00:05:00"),
        ("[1234, 1234567, 1e9].map(x => new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long' }).format(x)).join('|')", "1.2 thousand|1.2 million|1 billion"),
        ("[1, 16].map(x => new Intl.NumberFormat('en-US', { style: 'unit', unit: 'liter', unitDisplay: 'long' }).format(x)).join('|')", "1 liter|16 liters"),
        ("new Intl.NumberFormat('en-US', { style: 'unit', unit: 'percent' }).format(50)", "50%"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CAD', currencyDisplay: 'narrowSymbol' }).format(5)", "$5.00"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CAD' }).format(5)", "CA$5.00"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'GBP' }).format(-0.5)", "-£0.50"),
        ("new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting' }).format(-5)", "($5.00)"),
        ("new Intl.NumberFormat('en-US', { notation: 'scientific' }).format(-0.00012)", "-1.2E-4"),
        ("new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, roundingMode: 'floor' }).format(2.7)", "2"),
        ("new Intl.NumberFormat('en-US').formatRange(1000, 5000)", "1,000\u20135,000"),
        ("new Intl.NumberFormat('en-US', { style: 'percent' }).formatRange(0.1, 0.2)", "10% \u2013 20%"),
        ("new Intl.NumberFormat('en-US', { signDisplay: 'negative' }).format(-0)", "0"),
        ("(1234.5678).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })", "1,234.57"),
        ("['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'].map(u => new Intl.RelativeTimeFormat('en-US', { style: 'long' }).format(-1, u) + '/' + new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' }).format(1, u)).join('|')", "1 second ago/in 1 second|1 minute ago/in 1 minute|1 hour ago/in 1 hour|1 day ago/tomorrow|1 week ago/next week|1 month ago/next month|1 quarter ago/next quarter|1 year ago/next year"),
        ("['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'].map(u => new Intl.RelativeTimeFormat('en-US', { style: 'short' }).format(2, u)).join('|')", "in 2 sec.|in 2 min.|in 2 hr.|in 2 days|in 2 wk.|in 2 mo.|in 2 qtrs.|in 2 yr."),
        ("['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'].map(u => new Intl.RelativeTimeFormat('en-US', { style: 'narrow' }).format(-2, u)).join('|')", "2s ago|2m ago|2h ago|2d ago|2w ago|2mo ago|2q ago|2y ago"),
        ("new Intl.RelativeTimeFormat('en-US').format(1.5, 'day')", "in 1.5 days"),
        ("new Intl.RelativeTimeFormat('en-US').format(-0, 'day')", "0 days ago"),
        ("['second', 'minute', 'hour', 'week', 'month', 'year'].map(u => new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' }).format(0, u)).join('|')", "now|this minute|this hour|this week|this month|this year"),
        ("JSON.stringify(new Intl.PluralRules('en-US', { type: 'ordinal' }).resolvedOptions().pluralCategories)", "[\"one\",\"two\",\"few\",\"other\"]"),
        ("['б', 'А', 'а', 'Б', 'β', 'Α', 'α', 'z', 'ё', 'е', 'ж'].sort(new Intl.Collator('en').compare).join(',')", "z,α,Α,β,а,А,б,Б,е,ё,ж"),
        ("['😀', '中', 'a', '日', '1', '!'].sort(new Intl.Collator('en').compare).join(',')", "!,😀,1,a,中,日"),
        ("['a1', 'a', 'A1', 'a 1', 'a-1', 'a.1', 'ab', 'a!'].sort((a, b) => a.localeCompare(b)).join(',')", "a,a 1,a-1,a!,a.1,a1,A1,ab"),
        ("new Intl.Collator('en', { usage: 'search', sensitivity: 'base' }).compare('résumé', 'RESUME')", "0"),
        ("['cote', 'côte', 'coté', 'côté'].sort(new Intl.Collator('en').compare).join(',')", "cote,coté,côte,côté"),
        ("new Intl.Collator('en').compare('ａ', 'a')", "1"),
        ("['', 'a', ' '].sort(new Intl.Collator('en').compare).map(x => JSON.stringify(x)).join(',')", "\"\",\" \",\"a\""),
        ("['ä', 'z', 'a'].sort((a, b) => a.localeCompare(b, 'de')).join(',')", "a,ä,z"),
        ("'straße'.toLocaleUpperCase('en-US')", "STRASSE"),
        ("[...new Intl.Segmenter('en', { granularity: 'word' }).segment('Hello, world!')].map(s => s.segment).join('|')", "Hello|,| |world|!"),
        ("new Intl.Locale('en-US').maximize().toString()", "en-Latn-US"),
        ("JSON.stringify(Intl.getCanonicalLocales('EN-us'))", "[\"en-US\"]"),
        ("new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "Mar 5\u2009\u2013\u20098"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "Mar 5\u2009\u2013\u20098, 2024"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "March 5\u2009\u2013\u20098, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "Mar 5\u2009\u2013\u20098, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "March 5\u2009\u2013\u20098, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'short' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "3/5/24\u2009\u2013\u20093/8/24"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "March 2024"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "3/5/2024\u2009\u2013\u20093/8/2024"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "3/5/2024, 2:07 PM\u2009\u2013\u20093/8/2024, 9:00 AM"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).formatRange(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0)))", "Mar 5, 2024, 2:07 PM\u2009\u2013\u2009Mar 8, 2024, 9:00 AM"),
        ("new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "Mar 5\u2009\u2013\u2009Jun 1"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "Mar 5\u2009\u2013\u2009Jun 1, 2024"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "March 5\u2009\u2013\u2009June 1, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "Mar 5\u2009\u2013\u2009Jun 1, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "March 5\u2009\u2013\u2009June 1, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'short' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "3/5/24\u2009\u2013\u20096/1/24"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "March\u2009\u2013\u2009June 2024"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "3/5/2024\u2009\u2013\u20096/1/2024"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "3/5/2024, 2:07 PM\u2009\u2013\u20096/1/2024, 6:30 PM"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).formatRange(d1, new Date(Date.UTC(2024, 5, 1, 18, 30, 0)))", "Mar 5, 2024, 2:07 PM\u2009\u2013\u2009Jun 1, 2024, 6:30 PM"),
        ("new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "Mar 5, 2024\u2009\u2013\u2009Jan 2, 2025"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "Mar 5, 2024\u2009\u2013\u2009Jan 2, 2025"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "March 5, 2024\u2009\u2013\u2009January 2, 2025"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "Mar 5, 2024\u2009\u2013\u2009Jan 2, 2025"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "March 5, 2024\u2009\u2013\u2009January 2, 2025"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'short' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "3/5/24\u2009\u2013\u20091/2/25"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "March 2024\u2009\u2013\u2009January 2025"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "3/5/2024\u2009\u2013\u20091/2/2025"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "3/5/2024, 2:07 PM\u2009\u2013\u20091/2/2025, 3:04 AM"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).formatRange(d1, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))", "Mar 5, 2024, 2:07 PM\u2009\u2013\u2009Jan 2, 2025, 3:04 AM"),
        ("new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "Mar 5"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "Mar 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "March 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "Mar 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "March 5, 2024"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'short' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "3/5/24"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "March 2024"),
        ("new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "3/5/2024"),
        ("new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "2:07\u2009\u2013\u20093:07 PM"),
        ("new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).formatRange(d1, new Date(d1.getTime() + 3600e3))", "Mar 5, 2024, 2:07\u2009\u2013\u20093:07 PM"),
        ("JSON.stringify(new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).formatRangeToParts(d1, new Date(Date.UTC(2024, 2, 8, 9, 0, 0))))", "[{\"type\":\"month\",\"value\":\"Mar\",\"source\":\"shared\"},{\"type\":\"literal\",\"value\":\" \",\"source\":\"shared\"},{\"type\":\"day\",\"value\":\"5\",\"source\":\"startRange\"},{\"type\":\"literal\",\"value\":\"\u2009\u2013\u2009\",\"source\":\"shared\"},{\"type\":\"day\",\"value\":\"8\",\"source\":\"endRange\"}]"));
}
