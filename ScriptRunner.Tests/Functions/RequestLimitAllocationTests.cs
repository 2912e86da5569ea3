using System.Text;

namespace ScriptRunner.Tests.Functions;

/// <summary>What refusing a hostile body costs the service: the bytes allocated while it is answered, not its object graph.</summary>
[Collection(AllocationMeasuredCollection.Name)]
public sealed class RequestLimitAllocationTests : IDisposable
{
    private readonly ScriptRunnerApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task MillionEntryParams_AreRefusedForParams_WithoutBecomingObjects()
    {
        var body = new StringBuilder("""{"codeBase64":"AGFzbQEAAAA=","handler":"f","params":[""");
        for (var i = 0; i < 1_000_000; i++) body.Append(i == 0 ? "12345" : ",12345");
        body.Append("]}");
        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        Assert.InRange(bytes.Length, 5_900_000, 6_100_000);
        var client = _app.Client();
        // A first request starts the app and warms the path, so the count below is the refusal alone.
        Assert.Equal(400, (await ScriptRunnerApp.PostRawAsync(client, """{"code":"1","timeout":0}""")).StatusCode);

        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await client.PostAsync("/api/execute", content);
        var answer = await ApiResponse.ReadAsync(response);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(400, answer.StatusCode);
        Assert.Equal("InvalidRequest", answer.ErrorType);
        Assert.Equal("'params' has more than 1000 entries.", answer.Error);
        // A million parsed entries cost hundreds of MB; the body's own 6 MB, read into pooled segments, is the most
        // refusing it may cost.
        Assert.InRange(allocated, 0, 24L * 1024 * 1024);
    }
}
