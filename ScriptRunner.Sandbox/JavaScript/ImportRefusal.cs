using Acornima.Ast;
using ScriptRunner.Core.Execution;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Refuses code that imports anything (<c>import … from</c>, <c>export … from</c>, <c>import()</c>): a sandboxed
/// script has nothing to import, and saying so at compile time beats an engine error at run time. Works on the
/// parsed syntax tree, so any engine can use it.
/// </summary>
internal static class ImportRefusal
{
    /// <summary>The compile error for the first import in <paramref name="program"/>, or null when there is none.</summary>
    public static SandboxOutcome? Check(Node program, string source)
    {
        // Most code never says either word; skip the walk.
        if (!source.Contains("import", StringComparison.Ordinal) && !source.Contains("from", StringComparison.Ordinal)) return null;

        // An explicit stack: the tree can be as deep as the parser allowed, deeper than a recursive walk can go.
        var pending = new Stack<Node>();
        pending.Push(program);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var what = node switch
            {
                ImportDeclaration i => $"import from '{i.Source.Value}'",
                ExportAllDeclaration e => $"export from '{e.Source.Value}'",
                ExportNamedDeclaration { Source: { } s } => $"export from '{s.Value}'",
                ImportExpression => "import()",
                _ => null,
            };
            if (what is not null)
            {
                var start = node.Location.Start;
                return JavaScriptOutcomes.Compile($"{what} is not allowed: scripts cannot import modules", start.Line, start.Column + 1);
            }

            foreach (var child in node.ChildNodes) pending.Push(child);
        }

        return null;
    }
}
