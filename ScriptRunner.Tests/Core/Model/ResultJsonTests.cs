using System.Text.Json;
using System.Text.Json.Nodes;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Core.Model;

public sealed class ResultJsonTests
{
    [Fact]
    public void From_WritesReadableUtf8_EscapingOnlyWhatJsonNeeds()
    {
        var json = ResultJson.From(new JsonObject { ["text"] = "é <b> \"q\" \n" })!;

        Assert.Equal("{\"text\":\"é <b> \\\"q\\\" \\n\"}", json.ToJsonString());
        Assert.Equal(json.ToJsonString().Length + 1, json.Length);
    }

    [Fact]
    public void From_RepairsLoneSurrogates_InValuesAndNames()
    {
        var json = ResultJson.From(new JsonObject { ["k\uD800"] = new JsonArray("a\uDC00b") })!;

        Assert.Equal("{\"k\uFFFD\":[\"a\uFFFDb\"]}", json.ToJsonString());
    }

    [Fact]
    public void From_Null_IsNoResult() => Assert.Null(ResultJson.From(null));

    [Fact]
    public void Serialized_IsWrittenAsItIs()
    {
        var json = ResultJson.FromWritten("{\"a\":[1,2]}"u8.ToArray());

        Assert.Equal("{\"result\":{\"a\":[1,2]}}", JsonSerializer.Serialize(new { result = json }));
    }
}
