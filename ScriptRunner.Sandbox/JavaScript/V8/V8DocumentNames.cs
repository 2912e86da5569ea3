using System.Reflection;
using Microsoft.ClearScript.V8;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// Keeps the script's source name stable. ClearScript makes every document name unique within a runtime, so the
/// isolate's second script would be <c>main [2].js</c> in the stacks the script itself reads, counting the scripts the
/// isolate has run. The count is ClearScript's own (a map in the runtime's document name manager, with no public
/// switch): it is forgotten before each script is named, so every one is <c>main.js</c>.
/// </summary>
internal static class V8DocumentNames
{
    private static readonly string CountedName = Path.GetFileNameWithoutExtension(JavaScriptOutcomes.SourceName);
    private static readonly FieldInfo? ManagerField = typeof(V8Runtime).GetField("DocumentNameManager", BindingFlags.Instance | BindingFlags.NonPublic);
    private static readonly FieldInfo? MapField = ManagerField?.FieldType.GetField("map", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>The name counts of <paramref name="runtime"/>, or null should ClearScript keep them elsewhere (names then keep their count).</summary>
    public static Dictionary<string, uint>? CountsOf(V8Runtime runtime) =>
        MapField is not null && ManagerField?.GetValue(runtime) is { } manager ? MapField.GetValue(manager) as Dictionary<string, uint> : null;

    /// <summary>Forgets that the script's name was given, so the next document with it is named as given.</summary>
    public static void Forget(Dictionary<string, uint>? counts)
    {
        if (counts is null) return;
        // ClearScript locks the map itself while it names a document.
        lock (counts) counts.Remove(CountedName);
    }
}
