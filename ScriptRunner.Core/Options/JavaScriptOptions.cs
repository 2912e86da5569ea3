namespace ScriptRunner.Core.Options;

/// <summary>How JavaScript runs.</summary>
public sealed class JavaScriptOptions
{
    /// <summary>The engine used when a request names none: <c>jint</c> or <c>v8</c>.</summary>
    public string DefaultEngine { get; set; } = "jint";

    /// <summary>Lets scripts compile strings into code (<c>eval</c>, <c>Function</c>). Off by default.</summary>
    public bool AllowStringCompilation { get; set; }
}
