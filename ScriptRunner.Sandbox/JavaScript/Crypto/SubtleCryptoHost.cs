using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>An answer of the host to the prelude: text (JSON, or <c>!Name:message</c> for a failure) and, for most operations, bytes.</summary>
internal readonly record struct SubtleAnswer(string Text, byte[]? Bytes);

/// <summary>
/// <c>crypto.subtle</c> on the host: one entry point, <see cref="Call"/>, that the prelude's SubtleCrypto drives with
/// an operation name, its normalised parameters as JSON and up to three byte inputs. It owns the execution's key
/// table, so key material stays here and the script holds handles. Every failure is answered as a DOMException
/// name and message, never as an exception or CLR text.
/// </summary>
internal sealed class SubtleCryptoHost(long memoryLimitBytes, CancellationToken deadline)
{
    private readonly CryptoKeyTable _keys = new();

    /// <summary>Runs <paramref name="operation"/>; see the prelude's SubtleCrypto.js for each operation's parameters.</summary>
    public SubtleAnswer Call(string operation, string parameters, CryptoInputs inputs)
    {
        try
        {
            if (memoryLimitBytes > 0 && inputs.TotalLength > memoryLimitBytes)
            {
                throw new CryptoFailure("QuotaExceededError", $"The data ({inputs.TotalLength} bytes) exceeds the execution's memory limit of {memoryLimitBytes / (1024 * 1024)} MB");
            }

            if (operation == "digest") return new SubtleAnswer("", HashAlgorithms.Digest(parameters, inputs.First.Span));
            using var document = JsonDocument.Parse(parameters);
            return Run(operation, new CryptoRequest(document.RootElement, inputs));
        }
        catch (CryptoFailure e)
        {
            return Failure(e.Name, e.Message);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw;
        }
        catch (CryptographicException)
        {
            return Failure("OperationError", "The operation failed for an operation-specific reason");
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or ArgumentException or FormatException or OverflowException)
        {
            return Failure("OperationError", "The operation failed: its parameters do not fit the key");
        }
    }

    private SubtleAnswer Run(string operation, CryptoRequest request)
    {
        var inputs = request.Inputs;
        switch (operation)
        {
            case "sign":
                return Bytes(CryptoOperations.Sign(Key(request), request, inputs.First.Span));
            case "verify":
                return new SubtleAnswer(CryptoOperations.Verify(Key(request), request, inputs.First.Span, inputs.Second.Span) ? "true" : "false", null);
            case "encrypt":
            case "decrypt":
                return Bytes(CryptoOperations.Cipher(Key(request), request, operation == "encrypt"));
            case "deriveBits":
                return Bytes(CryptoOperations.DeriveBits(Key(request), request, _keys, deadline));
            case "importKey":
                return Described(CryptoKeys.Import(request, inputs.First.Span));
            case "generateKey":
                var (first, privateKey) = CryptoKeys.Generate(request);
                if (privateKey is null) return Described(first);
                return new SubtleAnswer(new JsonObject { ["publicKey"] = Description(first), ["privateKey"] = Description(privateKey) }.ToJsonString(), null);
            case "exportKey":
                var (bytes, jwk) = CryptoKeys.Export(Key(request), request);
                return jwk is null ? Bytes(bytes!) : new SubtleAnswer(jwk.ToJsonString(), null);
            case "deriveKey":
                {
                    // The derived bits go straight into the new key: they never reach the script.
                    var derive = request.RequiredMember("derive");
                    var bits = CryptoOperations.DeriveBits(Key(derive), derive, _keys, deadline);
                    return Described(CryptoKeys.Import(request.RequiredMember("import"), bits));
                }

            case "wrapKey":
                {
                    var export = request.RequiredMember("export");
                    var (raw, exported) = CryptoKeys.Export(Key(export), export);
                    var plain = raw ?? Encoding.UTF8.GetBytes(exported!.ToJsonString());
                    var wrap = request.RequiredMember("wrap");
                    return Bytes(CryptoOperations.Cipher(Key(wrap), new CryptoRequest(wrap.Root, new CryptoInputs(plain, inputs.Second, inputs.Third)), encrypt: true));
                }

            case "unwrapKey":
                {
                    var unwrap = request.RequiredMember("unwrap");
                    var plain = CryptoOperations.Cipher(Key(unwrap), unwrap, encrypt: false);
                    var import = request.RequiredMember("import");
                    if (import.String("format") != "jwk") return Described(CryptoKeys.Import(import, plain));
                    return Described(CryptoKeys.Import(WithJwk(import, plain), []));
                }

            default:
                throw CryptoFailure.NotSupported($"The operation '{operation}' is not supported");
        }
    }

    // An unwrapped JWK is parsed here, as importKey's jwk would be: text that is not a JSON object is a DataError.
    private static CryptoRequest WithJwk(CryptoRequest import, byte[] plain)
    {
        JsonNode? jwk;
        try
        {
            jwk = JsonNode.Parse(new UTF8Encoding(false, true).GetString(plain));
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw CryptoFailure.DataError("The unwrapped key is not a JSON Web Key");
        }

        if (jwk is not JsonObject) throw CryptoFailure.DataError("The unwrapped key is not a JSON Web Key");
        var merged = JsonNode.Parse(import.Root.GetRawText())!.AsObject();
        merged["jwk"] = jwk;
        return new CryptoRequest(JsonDocument.Parse(merged.ToJsonString()).RootElement, import.Inputs);
    }

    private CryptoKeyEntry Key(CryptoRequest request) => _keys.Get((int)(request.Integer("key") ?? -1));

    private SubtleAnswer Described(CryptoKeyEntry entry) => new(Description(entry).ToJsonString(), null);

    private JsonObject Description(CryptoKeyEntry entry) =>
        new() { ["handle"] = _keys.Add(entry), ["type"] = entry.Type, ["extractable"] = entry.Extractable, ["algorithm"] = CryptoKeys.Describe(entry) };

    private static SubtleAnswer Bytes(byte[] bytes) => new("", bytes);

    private static SubtleAnswer Failure(string name, string message) => new($"!{name}:{message}", null);
}
