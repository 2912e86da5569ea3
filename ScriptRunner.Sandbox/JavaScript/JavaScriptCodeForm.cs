namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>How a script is run, decided by the code itself.</summary>
internal enum JavaScriptCodeForm
{
    /// <summary>A classic script (also CommonJS): its completion value, global functions and <c>module.exports</c>.</summary>
    Script,

    /// <summary>An ES module: its default and named exports.</summary>
    Module,
}
