using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Binary;

/// <summary>
/// Checks that a function body's instruction sequence is well formed: every opcode and immediate decodes, blocks
/// nest, <c>else</c> only follows the then-branch of an <c>if</c>, and the body ends with the <c>end</c> that closes
/// it. Typing is left to validation.
/// </summary>
internal sealed class InstructionScanner
{
    private const byte PlainBlock = 0;
    private const byte ThenBranch = 1;
    private const byte ElseBranch = 2;

    private byte[] blocks = new byte[64];

    /// <summary>True once a scanned body used memory.init or data.drop.</summary>
    public bool UsesDataIndices { get; private set; }

    /// <summary>
    /// Reads instructions up to and including the body's final <c>end</c>. The reader is not limited to the
    /// declared body size, so a missing <c>end</c> surfaces as a size mismatch or truncation as in the spec's
    /// reference decoder.
    /// </summary>
    public void ScanBody(ref CodeReader reader)
    {
        var depth = 1;
        blocks[0] = PlainBlock;
        while (true)
        {
            var start = reader.Offset;
            var opcode = reader.ReadOpcode();
            switch (opcode)
            {
                case Opcode.Block:
                case Opcode.Loop:
                case Opcode.If:
                    reader.ReadBlockType();
                    if (depth == blocks.Length) Array.Resize(ref blocks, blocks.Length * 2);
                    blocks[depth++] = opcode == Opcode.If ? ThenBranch : PlainBlock;
                    break;
                case Opcode.Else:
                    if (blocks[depth - 1] != ThenBranch) throw reader.ErrorAt("END opcode expected", start);
                    blocks[depth - 1] = ElseBranch;
                    break;
                case Opcode.End:
                    if (--depth == 0) return;
                    break;
                case Opcode.MemoryInit:
                case Opcode.DataDrop:
                    UsesDataIndices = true;
                    reader.SkipImmediates(opcode);
                    break;
                default:
                    reader.SkipImmediates(opcode);
                    break;
            }
        }
    }
}
