namespace ScriptRunner.Core.Options;

/// <summary>All settings, bound from the <c>ScriptRunner</c> configuration section.</summary>
public sealed class ScriptRunnerOptions
{
    public const string SectionName = "ScriptRunner";

    public LimitsOptions Limits { get; set; } = new();
    public DownloadOptions Download { get; set; } = new();
    public SandboxFetchOptions SandboxFetch { get; set; } = new();
    public OutputOptions Output { get; set; } = new();
    public JavaScriptOptions JavaScript { get; set; } = new();
    public WasmOptions Wasm { get; set; } = new();
    public SandboxOptions Sandbox { get; set; } = new();
}
