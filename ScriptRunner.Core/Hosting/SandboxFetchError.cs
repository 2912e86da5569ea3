namespace ScriptRunner.Core.Hosting;

/// <summary>Why a script's <c>fetch</c> was refused or failed. Values double as the Wasm <c>fetch</c> return codes.</summary>
public enum SandboxFetchError
{
    /// <summary>Refused by policy: host not allowed, private address, bad scheme, request count or request size.</summary>
    PolicyRefused = -1,
    /// <summary>DNS failure, connection refused, reset.</summary>
    NetworkError = -2,
    /// <summary>The fetch did not complete within its timeout or the execution deadline.</summary>
    Timeout = -3,
    /// <summary>The response was larger than the allowed size (or the caller's buffer).</summary>
    ResponseTooLarge = -4,
    /// <summary>The options were not valid (bad JSON, missing url).</summary>
    InvalidRequest = -5,
}
