using System.Text.Json;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Core.Execution;

/// <summary>Checks an <see cref="ExecutionRequest"/> against the API rules and the configured limits.</summary>
/// <remarks>Every failure names the field at fault so a caller can fix the request without reading logs.</remarks>
internal sealed class RequestValidator(LimitsOptions limits)
{
    internal const int MaxUrlLength = 8192;
    internal const int MaxHandlerLength = 128;
    internal const int MaxParams = 1000;
    internal const int MaxArgs = 1000;
    internal const int MaxEnvVars = 1000;

    /// <summary>Returns the request with defaults applied; throws <see cref="InvalidRequestException"/> otherwise.</summary>
    public ValidatedRequest Validate(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var (url, inline) = ValidateSource(request);
        var handler = ValidateHandler(request.Handler);

        if (request.Params is { Count: > 0 } && handler is null)
            throw new InvalidRequestException("params", "'params' requires 'handler' (the export to call).");
        if (request.Request is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null and not JsonValueKind.Undefined })
            throw new InvalidRequestException("request", "'request' must be a JSON object ({method,url,headers,body,query}).");

        var job = new SandboxJob
        {
            Handler = handler,
            Request = request.Request is { ValueKind: JsonValueKind.Object } r ? r : null,
            Params = ValidateParams(request.Params),
            Args = ValidateArgs(request.Args),
            EnvVars = ValidateEnvVars(request.EnvVars),
            Stdin = request.Stdin,
            Timeout = TimeSpan.FromMilliseconds(ValidateTimeout(request.Timeout)),
            MemoryLimitBytes = ValidateMemory(request.Memory) * 1024L * 1024L,
        };
        return new ValidatedRequest(url, inline, ValidateType(request.Type), ValidateEngine(request.Engine), ValidateSha256(request.Sha256), job);
    }

    private static (Uri? Url, byte[]? Inline) ValidateSource(ExecutionRequest request)
    {
        var given = new List<string>(3);
        if (request.Url is not null) given.Add("url");
        if (request.Code is not null) given.Add("code");
        if (request.CodeBase64 is not null) given.Add("codeBase64");

        if (given.Count == 0)
            throw new InvalidRequestException("url", "One of 'url', 'code' or 'codeBase64' is required.");
        if (given.Count > 1)
            throw new InvalidRequestException(given[1],
                $"Exactly one of 'url', 'code' or 'codeBase64' may be given; got {string.Join(" and ", given.Select(g => $"'{g}'"))}.");

        if (request.Url is { } rawUrl) return (ValidateUrl(rawUrl), null);

        if (request.Code is { } code)
        {
            if (code.Length == 0) throw new InvalidRequestException("code", "'code' must not be empty.");
            return (null, System.Text.Encoding.UTF8.GetBytes(code));
        }

        var base64 = request.CodeBase64!;
        if (base64.Length == 0) throw new InvalidRequestException("codeBase64", "'codeBase64' must not be empty.");
        var buffer = new byte[base64.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
            throw new InvalidRequestException("codeBase64", "'codeBase64' is not valid base64.");
        if (written == 0) throw new InvalidRequestException("codeBase64", "'codeBase64' decodes to no bytes.");
        return (null, buffer.AsSpan(0, written).ToArray());
    }

    private static string? ValidateEngine(string? engine)
    {
        if (engine is null) return null;
        return EngineNames.Normalize(engine)
            ?? throw new InvalidRequestException("engine", $"'engine' must be one of {string.Join(", ", EngineNames.All.Select(n => $"'{n}'"))}.");
    }

    private static Uri ValidateUrl(string raw)
    {
        if (raw.Length == 0) throw new InvalidRequestException("url", "'url' must not be empty.");
        if (raw.Length > MaxUrlLength) throw new InvalidRequestException("url", $"'url' is longer than {MaxUrlLength} characters.");
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri))
            throw new InvalidRequestException("url", "'url' is not an absolute URL.");
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            throw new InvalidRequestException("url", $"'url' must use http or https, not '{uri.Scheme}'.");
        if (string.IsNullOrEmpty(uri.Host))
            throw new InvalidRequestException("url", "'url' has no host.");
        return uri;
    }

    private static CodeType? ValidateType(string? type) =>
        type?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => null,
            "javascript" or "js" => CodeType.JavaScript,
            "wasm" => CodeType.Wasm,
            _ => throw new InvalidRequestException("type", "'type' must be one of 'auto', 'javascript', 'js' or 'wasm'."),
        };

    private static string? ValidateHandler(string? handler)
    {
        if (handler is null) return null;
        if (handler.Length == 0) throw new InvalidRequestException("handler", "'handler' must not be empty.");
        if (handler.Length > MaxHandlerLength)
            throw new InvalidRequestException("handler", $"'handler' is longer than {MaxHandlerLength} characters.");
        // Any Wasm export name is legal (digits first, spaces, any Unicode), and JS looks handlers up as property
        // names, never as code: only control characters, which no caller means, are refused.
        if (handler.Any(char.IsControl))
            throw new InvalidRequestException("handler", "'handler' must not contain control characters.");
        return handler;
    }

    private static IReadOnlyList<JsonElement> ValidateParams(IReadOnlyList<JsonElement>? parameters)
    {
        if (parameters is null) return [];
        if (parameters.Count > MaxParams) throw new InvalidRequestException("params", $"'params' has more than {MaxParams} entries.");
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
                throw new InvalidRequestException($"params[{i}]", $"'params[{i}]' must be a number or a numeric string.");
        }
        return parameters;
    }

    private static IReadOnlyList<string> ValidateArgs(IReadOnlyList<string>? args)
    {
        if (args is null) return [];
        if (args.Count > MaxArgs) throw new InvalidRequestException("args", $"'args' has more than {MaxArgs} entries.");
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is null) throw new InvalidRequestException($"args[{i}]", $"'args[{i}]' must be a string.");
            if (args[i].Contains('\0')) throw new InvalidRequestException($"args[{i}]", $"'args[{i}]' must not contain NUL characters.");
        }
        return args;
    }

    private static IReadOnlyDictionary<string, string> ValidateEnvVars(IReadOnlyDictionary<string, string>? envVars)
    {
        if (envVars is null) return new Dictionary<string, string>();
        if (envVars.Count > MaxEnvVars) throw new InvalidRequestException("envVars", $"'envVars' has more than {MaxEnvVars} entries.");
        foreach (var (key, value) in envVars)
        {
            // WASI passes environ as "KEY=VALUE\0": '=' in a key or NUL anywhere would change its meaning.
            if (key.Length == 0 || key.Contains('=') || key.Contains('\0'))
                throw new InvalidRequestException("envVars", "'envVars' names must be non-empty and contain no '=' or NUL characters.");
            if (value is null) throw new InvalidRequestException($"envVars.{key}", $"'envVars.{key}' must be a string.");
            if (value.Contains('\0')) throw new InvalidRequestException($"envVars.{key}", $"'envVars.{key}' must not contain NUL characters.");
        }
        return envVars;
    }

    private int ValidateTimeout(int? timeout)
    {
        var value = timeout ?? limits.DefaultTimeoutMs;
        if (value < limits.MinTimeoutMs || value > limits.MaxTimeoutMs)
            throw new InvalidRequestException("timeout",
                $"'timeout' must be between {limits.MinTimeoutMs} and {limits.MaxTimeoutMs} ms; got {value}.");
        return value;
    }

    private int ValidateMemory(int? memory)
    {
        var value = memory ?? limits.DefaultMemoryMb;
        if (value < limits.MinMemoryMb || value > limits.MaxMemoryMb)
            throw new InvalidRequestException("memory",
                $"'memory' must be between {limits.MinMemoryMb} and {limits.MaxMemoryMb} MB; got {value}.");
        return value;
    }

    private static string? ValidateSha256(string? sha256)
    {
        if (sha256 is null) return null;
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
            throw new InvalidRequestException("sha256", "'sha256' must be 64 hexadecimal characters (a SHA-256 digest).");
        return sha256.ToLowerInvariant();
    }
}
