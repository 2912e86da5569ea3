using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript.Crypto;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Crypto;

/// <summary>What crypto.subtle may cost: data counts against the execution's memory cap, and keys belong to their execution.</summary>
public sealed class LimitTests
{
    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Digest_OfMoreThanTheMemoryCap_IsRefusedCleanly(string engine)
    {
        var run = JsHarness.On(engine).Execute("""
            const big = new Uint8Array(48 * 1024 * 1024);
            crypto.subtle.digest('SHA-256', big).then(() => 'digested', (e) => `${e.name}: ${e.message}`)
            """, memoryBytes: 32L * 1024 * 1024);
        if (run.Outcome.Success) Assert.Equal("\"QuotaExceededError: The data (50331648 bytes) exceeds the execution's memory limit of 32 MB\"", JsHarness.On(engine).Json(run));
        else Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Digest_WithinTheMemoryCap_Works(string engine) =>
        Assert.Equal("32", JsHarness.On(engine).Json(JsHarness.On(engine).Execute(
            "crypto.subtle.digest('SHA-256', new Uint8Array(4 * 1024 * 1024)).then((d) => d.byteLength)", memoryBytes: 32L * 1024 * 1024)));

    [Fact]
    public void KeyHandles_MeanNothingToAnotherExecution()
    {
        var first = new SubtleCryptoHost(0, CancellationToken.None);
        var second = new SubtleCryptoHost(0, CancellationToken.None);
        var imported = first.Call("importKey", """{"format":"raw","alg":{"name":"HMAC","hash":"SHA-256"},"ext":false,"usages":["sign"]}""",
            new CryptoInputs(new byte[32], default, default));
        Assert.StartsWith("{\"handle\":0,", imported.Text);
        Assert.Equal(32, first.Call("sign", """{"key":0,"name":"HMAC"}""", new CryptoInputs(new byte[1], default, default)).Bytes?.Length);
        var other = second.Call("sign", """{"key":0,"name":"HMAC"}""", new CryptoInputs(new byte[1], default, default));
        Assert.Equal(("!InvalidAccessError:The key is not a key of this execution", null), (other.Text, other.Bytes));
    }

    [Fact]
    public void NonExtractableKeys_AreRefusedByTheHostToo()
    {
        var host = new SubtleCryptoHost(0, CancellationToken.None);
        host.Call("importKey", """{"format":"raw","alg":{"name":"AES-GCM"},"ext":false,"usages":["encrypt"]}""", new CryptoInputs(new byte[16], default, default));
        Assert.Equal("!InvalidAccessError:The key is not extractable", host.Call("exportKey", """{"key":0,"format":"raw"}""", CryptoInputs.None).Text);
    }

    [Fact]
    public void MalformedParameters_AreAnOperationError_NotAnException()
    {
        var host = new SubtleCryptoHost(0, CancellationToken.None);
        Assert.StartsWith("!OperationError:", host.Call("sign", "{not json", CryptoInputs.None).Text);
        Assert.StartsWith("!NotSupportedError:", host.Call("bogus", "{}", CryptoInputs.None).Text);
    }
}
