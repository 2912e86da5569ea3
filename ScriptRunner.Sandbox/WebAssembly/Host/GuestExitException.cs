namespace ScriptRunner.Sandbox.WebAssembly.Host;

/// <summary>The guest called <c>proc_exit</c>: every guest frame unwinds and the code becomes the run's exitCode.</summary>
internal sealed class GuestExitException(int code) : Exception($"exit with code {code}")
{
    /// <summary>The exit code the guest passed.</summary>
    public int Code { get; } = code;
}
