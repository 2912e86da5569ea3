namespace ScriptRunner.Wasm;

/// <summary>Thrown by a host function (such as WASI proc_exit) to end the program with an exit code.</summary>
public sealed class ExitException(int code) : Exception($"exit with code {code}")
{
    /// <summary>The program's exit code.</summary>
    public int Code { get; } = code;
}
