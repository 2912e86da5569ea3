using Microsoft.Extensions.Options;

namespace ScriptRunner.Core.Options;

/// <summary>Rejects settings that cannot work (inverted bounds, zero caps) when the app starts, not at the first request.</summary>
internal sealed class ScriptRunnerOptionsValidator : IValidateOptions<ScriptRunnerOptions>
{
    public ValidateOptionsResult Validate(string? name, ScriptRunnerOptions options)
    {
        var failures = new List<string>();

        var limits = options.Limits;
        if (limits is null) failures.Add("ScriptRunner:Limits is missing.");
        else
        {
            Positive(failures, "Limits:MinTimeoutMs", limits.MinTimeoutMs);
            Ordered(failures, "Limits", "MinTimeoutMs", limits.MinTimeoutMs, "DefaultTimeoutMs", limits.DefaultTimeoutMs, "MaxTimeoutMs", limits.MaxTimeoutMs);
            Positive(failures, "Limits:MinMemoryMb", limits.MinMemoryMb);
            Ordered(failures, "Limits", "MinMemoryMb", limits.MinMemoryMb, "DefaultMemoryMb", limits.DefaultMemoryMb, "MaxMemoryMb", limits.MaxMemoryMb);
            // Memory caps are turned into bytes; keep them far from overflow and from absurd values.
            if (limits.MaxMemoryMb > 64 * 1024) failures.Add($"ScriptRunner:Limits:MaxMemoryMb must be at most 65536; got {limits.MaxMemoryMb}.");
            Positive(failures, "Limits:MaxConcurrentExecutions", limits.MaxConcurrentExecutions);
            NotNegative(failures, "Limits:MaxQueueLength", limits.MaxQueueLength);
            Positive(failures, "Limits:MaxRequestBodyBytes", limits.MaxRequestBodyBytes);
        }

        var download = options.Download;
        if (download is null) failures.Add("ScriptRunner:Download is missing.");
        else
        {
            Positive(failures, "Download:MaxBytes", download.MaxBytes);
            Positive(failures, "Download:TimeoutMs", download.TimeoutMs);
            NotNegative(failures, "Download:MaxRedirects", download.MaxRedirects);
        }

        var fetch = options.SandboxFetch;
        if (fetch is null) failures.Add("ScriptRunner:SandboxFetch is missing.");
        else
        {
            NotNegative(failures, "SandboxFetch:MaxRequests", fetch.MaxRequests);
            Positive(failures, "SandboxFetch:MaxRequestBytes", fetch.MaxRequestBytes);
            Positive(failures, "SandboxFetch:MaxResponseBytes", fetch.MaxResponseBytes);
            Positive(failures, "SandboxFetch:TimeoutMs", fetch.TimeoutMs);
            NotNegative(failures, "SandboxFetch:MaxRedirects", fetch.MaxRedirects);
            foreach (var host in fetch.AllowedHosts ?? [])
            {
                if (!IsHostPattern(host))
                    failures.Add($"ScriptRunner:SandboxFetch:AllowedHosts has an entry that is not a host name or '*.domain' pattern: '{host}'.");
            }
        }

        var output = options.Output;
        if (output is null) failures.Add("ScriptRunner:Output is missing.");
        else
        {
            Positive(failures, "Output:MaxStdoutBytes", output.MaxStdoutBytes);
            Positive(failures, "Output:MaxStderrBytes", output.MaxStderrBytes);
            NotNegative(failures, "Output:MaxLogEntries", output.MaxLogEntries);
            Positive(failures, "Output:MaxLogMessageBytes", output.MaxLogMessageBytes);
            Positive(failures, "Output:MaxLogBytes", output.MaxLogBytes);
        }

        var javaScript = options.JavaScript;
        if (javaScript is null) failures.Add("ScriptRunner:JavaScript is missing.");
        else EngineFor(failures, "JavaScript:DefaultEngine", javaScript.DefaultEngine, Model.CodeType.JavaScript);

        var wasm = options.Wasm;
        if (wasm is null) failures.Add("ScriptRunner:Wasm is missing.");
        else
        {
            EngineFor(failures, "Wasm:Engine", wasm.Engine, Model.CodeType.Wasm);
            Positive(failures, "Wasm:CacheMaxMb", wasm.CacheMaxMb);
            if (wasm.WasmtimeInterrupt is not ("none" or "epoch"))
                failures.Add($"ScriptRunner:Wasm:WasmtimeInterrupt must be 'none' or 'epoch'; got '{wasm.WasmtimeInterrupt}'.");
        }

        var sandbox = options.Sandbox;
        if (sandbox is null) failures.Add("ScriptRunner:Sandbox is missing.");
        else
        {
            NotNegative(failures, "Sandbox:PoolSize", sandbox.PoolSize);
            if (sandbox.PoolSize > 256) failures.Add($"ScriptRunner:Sandbox:PoolSize must be at most 256; got {sandbox.PoolSize}.");
            NotNegative(failures, "Sandbox:SpareProcesses", sandbox.SpareProcesses);
            if (sandbox.SpareProcesses > 16) failures.Add($"ScriptRunner:Sandbox:SpareProcesses must be at most 16; got {sandbox.SpareProcesses}.");
            Positive(failures, "Sandbox:MaxExecutionsPerProcess", sandbox.MaxExecutionsPerProcess);
            Positive(failures, "Sandbox:RecycleAboveBaselineMb", sandbox.RecycleAboveBaselineMb);
            Positive(failures, "Sandbox:KillGraceMs", sandbox.KillGraceMs);
            if (sandbox.MemorySampleIntervalMs is < 1 or > 10)
                failures.Add($"ScriptRunner:Sandbox:MemorySampleIntervalMs must lie between 1 and 10; got {sandbox.MemorySampleIntervalMs}.");
            Positive(failures, "Sandbox:StartTimeoutMs", sandbox.StartTimeoutMs);
            if (!string.IsNullOrEmpty(sandbox.ExecutablePath) && !File.Exists(sandbox.ExecutablePath))
                failures.Add($"ScriptRunner:Sandbox:ExecutablePath names no file: '{sandbox.ExecutablePath}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void EngineFor(List<string> failures, string key, string? engine, Model.CodeType type)
    {
        var name = Execution.EngineNames.Normalize(engine);
        if (name is null || Execution.EngineNames.CodeTypeOf(name) != type)
        {
            var valid = Execution.EngineNames.All.Where(n => Execution.EngineNames.CodeTypeOf(n) == type);
            failures.Add($"ScriptRunner:{key} must be one of {string.Join(", ", valid)}; got '{engine}'.");
        }
    }

    private static void Positive(List<string> failures, string key, long value)
    {
        if (value <= 0) failures.Add($"ScriptRunner:{key} must be greater than 0; got {value}.");
    }

    private static void NotNegative(List<string> failures, string key, long value)
    {
        if (value < 0) failures.Add($"ScriptRunner:{key} must not be negative; got {value}.");
    }

    private static void Ordered(List<string> failures, string section, string minName, int min, string defaultName, int value, string maxName, int max)
    {
        if (min > max) failures.Add($"ScriptRunner:{section}:{minName} ({min}) must not exceed {maxName} ({max}).");
        else if (value < min || value > max)
            failures.Add($"ScriptRunner:{section}:{defaultName} ({value}) must lie between {minName} ({min}) and {maxName} ({max}).");
    }

    private static bool IsHostPattern(string? host)
    {
        if (string.IsNullOrWhiteSpace(host)) return false;
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return name.Length > 0 && Uri.CheckHostName(name) != UriHostNameType.Unknown;
    }
}
