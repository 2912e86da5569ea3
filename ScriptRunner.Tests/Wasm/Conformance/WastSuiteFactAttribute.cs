namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>A fact reported as skipped (with the reason) when the spec test suite folder is not configured.</summary>
public sealed class WastSuiteFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> from the environment.</summary>
    public WastSuiteFactAttribute() => Skip = WastSuite.SkipReason;
}
