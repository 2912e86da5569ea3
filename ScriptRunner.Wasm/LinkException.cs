namespace ScriptRunner.Wasm;

/// <summary>A module could not be linked: imports are missing or have the wrong type.</summary>
public sealed class LinkException : Exception
{
    /// <summary>Creates a link error.</summary>
    public LinkException(string message, IReadOnlyList<string>? unknownImports = null)
        : base(message)
    {
        UnknownImports = unknownImports ?? [];
    }

    /// <summary>Every import (as <c>module::name</c>) the linker had no definition for.</summary>
    public IReadOnlyList<string> UnknownImports { get; }
}
