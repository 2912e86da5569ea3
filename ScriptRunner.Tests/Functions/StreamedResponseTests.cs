namespace ScriptRunner.Tests.Functions;

/// <summary>A handler's streamed Response end to end: collected in the sandbox process under the service's output cap.</summary>
public sealed class StreamedResponseTests : IDisposable
{
    private readonly ScriptRunnerApp _app = new(("ScriptRunner:Output:MaxStdoutBytes", "20000"));

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("jint")]
    [InlineData("v8")]
    public async Task EndlessStream_IsCutAtTheOutputCap_AndTheAnswerSaysSo(string engine)
    {
        var code = "export default { fetch() { const chunk = new TextEncoder().encode('y'.repeat(8192)); return new Response(new ReadableStream({ pull(c) { c.enqueue(chunk.slice()); } })); } };";
        var response = await ScriptRunnerApp.PostAsync(_app.Client(), new { code, engine, handler = "fetch" });

        Assert.True(response.Success, response.Error);
        Assert.True(response.Result!["bodyTruncated"]!.GetValue<bool>());
        Assert.InRange(response.Result!["body"]!.GetValue<string>().Length, 19_000, 20_000);
    }

    [Theory]
    [InlineData("jint")]
    [InlineData("v8")]
    public async Task FiniteStream_IsTheWholeBody(string engine)
    {
        var code = "export default { fetch() { return new Response(ReadableStream.from(['he', 'llo']).pipeThrough(new TextEncoderStream())); } };";
        var response = await ScriptRunnerApp.PostAsync(_app.Client(), new { code, engine, handler = "fetch" });

        Assert.True(response.Success, response.Error);
        Assert.Equal("""{"statusCode":200,"headers":{},"body":"hello"}""", response.Result!.ToJsonString());
    }
}
