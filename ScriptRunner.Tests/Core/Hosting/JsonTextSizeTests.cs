using System.Text.Json.Nodes;
using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Tests.Core.Hosting;

/// <summary>JSON text from an engine is made readable whatever strings the script built.</summary>
public sealed class JsonTextSizeTests
{
    [Theory]
    [InlineData("\"a\\ud800b\"", "a\uFFFDb")]
    [InlineData("\"\\udc00\"", "\uFFFD")]
    [InlineData("\"\\ud83d\\ude00\"", "\ud83d\ude00")]
    [InlineData("\"\\\\ud800\"", "\\ud800")]
    [InlineData("\"tail\\ud800\"", "tail\uFFFD")]
    public void LoneSurrogateEscapes_BecomeReplacementCharacters(string json, string expected)
    {
        var repaired = JsonTextSize.WellFormedJson(json);

        Assert.Equal(expected, JsonNode.Parse(repaired)!.GetValue<string>());
    }

    [Fact]
    public void WellFormedJson_IsReturnedUnchanged()
    {
        const string json = """{"k":"v\u00e9\n","n":[1,2]}""";

        Assert.Same(json, JsonTextSize.WellFormedJson(json));
    }

    [Fact]
    public void RawLoneSurrogate_IsReplacedToo()
    {
        Assert.Equal("\"x\uFFFD\"", JsonTextSize.WellFormedJson("\"x\ud800\""));
    }
}
