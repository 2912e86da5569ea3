using Acornima.Ast;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Whether a classic script's own top-level code exports something: an assignment to <c>module.exports</c>, to a
/// member of it or of <c>exports</c>, or <c>Object.assign</c>/<c>Object.defineProperty</c> onto either, outside every
/// function. A bundled library (a UMD build, lodash, dayjs…) sets <c>module.exports</c> from inside its own wrapper
/// function, so its export is not the script's: the runner then answers with the script's completion value rather
/// than call the library as the handler.
/// </summary>
internal static class ScriptExports
{
    /// <summary>True when <paramref name="program"/>'s top-level code (not inside a function) exports something.</summary>
    public static bool AssignedAtTopLevel(Node program, string source)
    {
        // Most scripts never say the word; skip the walk.
        if (!source.Contains("exports", StringComparison.Ordinal)) return false;

        // An explicit stack: the tree can be as deep as the parser allowed, deeper than a recursive walk can go.
        var pending = new Stack<Node>();
        pending.Push(program);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case IFunction:
                    continue;
                case AssignmentExpression { Left: MemberExpression target } when IsExportsTarget(target):
                    return true;
                case CallExpression { Callee: MemberExpression { Object: Identifier { Name: "Object" } } callee, Arguments: [var first, ..] }
                    when PropertyName(callee) is "assign" or "defineProperty" or "defineProperties" && IsExportsObject(first):
                    return true;
            }

            foreach (var child in node.ChildNodes) pending.Push(child);
        }

        return false;
    }

    // module.exports = …, module.exports.x = …, exports.x = …
    private static bool IsExportsTarget(MemberExpression target) =>
        IsModuleExports(target) || (target.Object is Node inner && IsExportsObject(inner));

    private static bool IsExportsObject(Node node) =>
        node is Identifier { Name: "exports" } || (node is MemberExpression member && IsModuleExports(member));

    private static bool IsModuleExports(MemberExpression member) =>
        member.Object is Identifier { Name: "module" } && PropertyName(member) == "exports";

    private static string? PropertyName(MemberExpression member) => member.Property switch
    {
        Identifier identifier when !member.Computed => identifier.Name,
        StringLiteral literal when member.Computed => literal.Value,
        _ => null,
    };
}
