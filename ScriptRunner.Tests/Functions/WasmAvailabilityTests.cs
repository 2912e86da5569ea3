namespace ScriptRunner.Tests.Functions;

public sealed class WasmAvailabilityTests
{
    /// <summary>A module exporting add(i32, i32) -> i32.</summary>
    private const string AddModule = "AGFzbQEAAAABBwFgAn9/AX8DAgEABwcBA2FkZAAACgkBBwAgACABags=";

    [Fact]
    public async Task WasmModule_RunsInTheRegisteredWasmSandbox()
    {
        await using var app = new ScriptRunnerApp();
        using var client = app.Client();

        var response = await ScriptRunnerApp.PostAsync(client, new { codeBase64 = AddModule, handler = "add", @params = new[] { 20, 22 } });

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.Success, response.Error);
        Assert.Equal(42, response.Result!.GetValue<int>());
        Assert.Equal("wasm", response.Metadata["codeType"]!.GetValue<string>());
    }
}
