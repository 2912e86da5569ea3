using System.Reflection.Emit;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>What kind of construct opened a control frame.</summary>
internal enum FrameKind : byte
{
    Function,
    Block,
    Loop,
    If,
}

/// <summary>
/// A block, loop, if or the function body during compilation. Branch values travel on the IL evaluation stack:
/// every path into <see cref="Target"/> arrives with the operand stack cut to <see cref="Height"/> plus the label's
/// values, so all IL predecessors of a label agree on the stack shape.
/// </summary>
internal sealed class ControlFrame
{
    public required FrameKind Kind { get; init; }

    public required ValType[] Params { get; init; }

    public required ValType[] Results { get; init; }

    /// <summary>Operand stack height below the frame's parameters.</summary>
    public required int Height { get; init; }

    /// <summary>Where a branch to this frame goes: the loop header, or the end of a block/if/function.</summary>
    public required IlLabel Target { get; init; }

    /// <summary>The else branch of an if.</summary>
    public IlLabel Else { get; init; }

    public bool HasElse { get; set; }

    /// <summary>Some branch jumps to the end of this frame, so code after it is reachable.</summary>
    public bool EndTargeted { get; set; }

    /// <summary>The values a branch to this frame carries.</summary>
    public ValType[] LabelTypes => Kind == FrameKind.Loop ? Params : Results;
}
