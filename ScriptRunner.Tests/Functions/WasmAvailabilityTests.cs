namespace ScriptRunner.Tests.Functions;

public sealed class WasmAvailabilityTests
{
    /// <summary>The smallest valid module: magic and version, no sections.</summary>
    private static readonly byte[] EmptyModule = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    // While no WebAssembly sandbox is registered in AddScriptRunnerCore, Wasm requests are refused as unsupported.
    // Registering WasmSandbox turns this into a run of the empty module: expect success, "wasm" and a null result.
    [Fact]
    public async Task WasmModule_IsUnsupportedCodeType_WhileNoWasmSandboxIsRegistered()
    {
        await using var app = new ScriptRunnerApp();
        using var client = app.Client();

        var response = await ScriptRunnerApp.PostAsync(client, new { codeBase64 = Convert.ToBase64String(EmptyModule), handler = "main" });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("UnsupportedCodeType", response.ErrorType);
        Assert.Equal("WebAssembly execution is not available.", response.Error);
        Assert.Equal("wasm", response.Metadata["codeType"]!.GetValue<string>());
    }
}
