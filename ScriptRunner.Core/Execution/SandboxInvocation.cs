using System.Text.Json;
using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Core.Execution;

/// <summary>Everything a sandbox needs for one run: the code, its inputs, its limits and its host bindings.</summary>
public sealed record SandboxInvocation
{
    public required ReadOnlyMemory<byte> Code { get; init; }

    /// <summary>Hex SHA-256 of <see cref="Code"/>, usable as a compiled-code cache key.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The engine chosen for the run (see <see cref="EngineNames"/>).</summary>
    public string Engine { get; init; } = "";

    public string? Handler { get; init; }
    public JsonElement? Request { get; init; }
    public IReadOnlyList<JsonElement> Params { get; init; } = [];
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> EnvVars { get; init; } = new Dictionary<string, string>();
    public string? Stdin { get; init; }

    /// <summary>Wall-clock budget for the run.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Memory cap for the run.</summary>
    public required long MemoryLimitBytes { get; init; }

    /// <summary>Cancelled when the deadline passes or the caller gives up.</summary>
    public CancellationToken CancellationToken { get; init; }

    public required HostBindings Host { get; init; }

    /// <summary>The invocation that runs <paramref name="job"/> with <paramref name="host"/> until <paramref name="deadline"/>.</summary>
    public static SandboxInvocation For(SandboxJob job, HostBindings host, CancellationToken deadline) => new()
    {
        Code = job.Code,
        Sha256 = job.Sha256,
        Engine = job.Engine,
        Handler = job.Handler,
        Request = job.Request,
        Params = job.Params,
        Args = job.Args,
        EnvVars = job.EnvVars,
        Stdin = job.Stdin,
        Timeout = job.Timeout,
        MemoryLimitBytes = job.MemoryLimitBytes,
        CancellationToken = deadline,
        Host = host,
    };
}
