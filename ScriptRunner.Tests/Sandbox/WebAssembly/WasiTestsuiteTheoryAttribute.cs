namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>A theory that is reported skipped when SCRIPTRUNNER_WASI_TESTSUITE is not set.</summary>
public sealed class WasiTestsuiteTheoryAttribute : TheoryAttribute
{
    public WasiTestsuiteTheoryAttribute()
    {
        if (!WasiTestsuite.IsConfigured)
        {
            Skip = $"{WasiTestsuite.Variable} is not set; point it at the wasi-testsuite folder to run these programs";
        }
    }
}
