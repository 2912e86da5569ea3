using ScriptRunner.Sandbox.JavaScript;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

public sealed class SharedProgramTests
{
    [Fact]
    public void UrlPolyfill_SharedByConcurrentRuns_GivesEachRunItsOwnWorkingUrl()
    {
        // Each run makes URLs from the one parsed polyfill at the same time; a value cached from one engine would
        // show up as a wrong result (or a failed check of a finished run) in another.
        var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(4).Select(i => JsHarness.Execute($$"""
            var out = [];
            for (var k = 0; k < 50; k++) {
              var u = new URL('https://h{{i}}.test:8{{i}}/a/../b+c?q={{i}}+' + k + '#f');
              out.push(u.href + ' ' + u.searchParams.get('q') + ' ' + (URL.prototype === Object.getPrototypeOf(u)));
            }
            out[49]
            """)).ToList();
        for (var i = 0; i < results.Count; i++)
        {
            Assert.True(results[i].Outcome.Success, $"{results[i].Outcome.ErrorType}: {results[i].Outcome.Error}");
            Assert.Equal($"\"https://h{i}.test:8{i}/b+c?q={i}+49#f {i} 49 true\"", results[i].Outcome.Result!.ToJsonString(JsHarness.Relaxed));
        }
    }

    [Fact]
    public void SharedProgram_WithARegularExpressionLiteral_IsRefused()
    {
        // Jint caches a regular expression literal's object (of the first engine to run it) in the syntax tree.
        var error = Assert.Throws<InvalidOperationException>(() => new SharedProgram("(function (global) { global.r = /x/; })"));
        Assert.Contains("/x/", error.Message);
    }
}
