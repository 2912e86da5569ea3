namespace ScriptRunner.Core.Model;

/// <summary>The documented values of <c>errorType</c> in a response.</summary>
public static class ErrorTypes
{
    public const string InvalidRequest = "InvalidRequest";
    public const string DownloadError = "DownloadError";
    public const string IntegrityError = "IntegrityError";
    public const string UnsupportedCodeType = "UnsupportedCodeType";
    public const string CompileError = "CompileError";
    public const string RuntimeError = "RuntimeError";
    public const string Trap = "Trap";
    public const string Timeout = "Timeout";
    public const string MemoryLimit = "MemoryLimit";
    public const string OutputLimit = "OutputLimit";
    public const string ExitCode = "ExitCode";
    public const string HostError = "HostError";
    public const string Capacity = "Capacity";
    public const string PayloadTooLarge = "PayloadTooLarge";
}
