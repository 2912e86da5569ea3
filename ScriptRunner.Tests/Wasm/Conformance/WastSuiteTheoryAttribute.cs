namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>A theory reported as skipped (with the reason) when the spec test suite folder is not configured.</summary>
[Xunit.Sdk.XunitTestCaseDiscoverer("Xunit.Sdk.TheoryDiscoverer", "xunit.execution.{Platform}")]
public sealed class WastSuiteTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> from the environment.</summary>
    public WastSuiteTheoryAttribute() => Skip = WastSuite.SkipReason;
}
