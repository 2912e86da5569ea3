using Jint;
using Jint.Native;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// Takes the intrinsics the prelude receives (<see cref="JavaScriptPrelude.Intrinsics"/>) by reading each path from
/// .NET: evaluating them as a script would build its interpreter tree again in every engine.
/// </summary>
internal static class JintIntrinsics
{
    /// <summary>
    /// The prelude's arguments: <paramref name="leading"/> slots left for the caller to fill, then the intrinsics of
    /// <paramref name="engine"/> as they are now, in the prelude's parameter order.
    /// </summary>
    public static JsValue[] Take(Engine engine, int leading)
    {
        var intrinsics = JavaScriptPrelude.Intrinsics;
        var taken = new JsValue[leading + intrinsics.Count];
        for (var i = 0; i < intrinsics.Count; i++)
        {
            JsValue value = engine.Global;
            foreach (var step in intrinsics[i].Path) value = value.AsObject().Get(step);
            taken[leading + i] = value;
        }

        return taken;
    }
}
