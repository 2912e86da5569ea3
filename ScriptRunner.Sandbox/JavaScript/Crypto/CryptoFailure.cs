namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>
/// A WebCrypto operation refused with one of the spec's <c>DOMException</c> names; the prelude rethrows it as that
/// DOMException, so a script never sees a .NET type name or CLR text.
/// </summary>
internal sealed class CryptoFailure(string name, string message) : Exception(message)
{
    /// <summary>The DOMException name: NotSupportedError, InvalidAccessError, DataError, OperationError, SyntaxError, QuotaExceededError.</summary>
    public string Name { get; } = name;

    /// <summary>The key data is malformed or does not fit the algorithm.</summary>
    public static CryptoFailure DataError(string message) => new("DataError", message);

    /// <summary>The operation failed for an operation-specific reason (bad tag, wrong length…).</summary>
    public static CryptoFailure Operation(string message) => new("OperationError", message);

    /// <summary>The algorithm, format or parameter is valid WebCrypto that this host cannot perform.</summary>
    public static CryptoFailure NotSupported(string message) => new("NotSupportedError", message);

    /// <summary>The key cannot be used this way (wrong type, not extractable, mismatched key).</summary>
    public static CryptoFailure InvalidAccess(string message) => new("InvalidAccessError", message);

    /// <summary>The usages are wrong for the key.</summary>
    public static CryptoFailure Syntax(string message) => new("SyntaxError", message);
}
