using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Sandboxing.Protocol;

/// <summary>The child is warm and waiting: its process id and resident memory at rest.</summary>
public sealed record ReadyMessage(int ProcessId, long ResidentBytes);

/// <summary>The child finished cleaning up after an execution and can take the next; its resident memory now.</summary>
public sealed record IdleMessage(long ResidentBytes);

/// <summary>
/// How an execution ended, measured inside the child. <paramref name="IdleResidentBytes"/> is set when the child had
/// nothing to clean up and is already idle: no <see cref="FrameKind.Idle"/> frame follows.
/// </summary>
public sealed record OutcomeMessage(SandboxOutcome Outcome, double ElapsedMs, long? IdleResidentBytes = null);

/// <summary>An execution without its code, which follows the header as raw bytes.</summary>
public sealed record JobHeader
{
    public required string Sha256 { get; init; }
    public required CodeType CodeType { get; init; }
    public required string Engine { get; init; }
    public string? Handler { get; init; }
    public JsonElement? Request { get; init; }
    public IReadOnlyList<JsonElement> Params { get; init; } = [];
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> EnvVars { get; init; } = new Dictionary<string, string>();
    public string? Stdin { get; init; }
    public required double TimeoutMs { get; init; }
    public required long MemoryLimitBytes { get; init; }

    /// <summary>The header of <paramref name="job"/>.</summary>
    public static JobHeader From(SandboxJob job) => new()
    {
        Sha256 = job.Sha256,
        CodeType = job.CodeType,
        Engine = job.Engine,
        Handler = job.Handler,
        Request = job.Request,
        Params = job.Params,
        Args = job.Args,
        EnvVars = job.EnvVars,
        Stdin = job.Stdin,
        TimeoutMs = job.Timeout.TotalMilliseconds,
        MemoryLimitBytes = job.MemoryLimitBytes,
    };

    /// <summary>The job this header describes, with <paramref name="code"/>.</summary>
    public SandboxJob ToJob(ReadOnlyMemory<byte> code) => new()
    {
        Code = code,
        Sha256 = Sha256,
        CodeType = CodeType,
        Engine = Engine,
        Handler = Handler,
        Request = Request,
        Params = Params,
        Args = Args,
        EnvVars = EnvVars,
        Stdin = Stdin,
        Timeout = TimeSpan.FromMilliseconds(TimeoutMs),
        MemoryLimitBytes = MemoryLimitBytes,
    };
}
