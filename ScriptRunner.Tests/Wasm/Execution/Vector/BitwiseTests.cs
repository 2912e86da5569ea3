using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class BitwiseTests
{
    private static readonly ulong[] A = [0xFF00_F0F0_CCCC_AAAA, 0x0123_4567_89AB_CDEF];
    private static readonly ulong[] B = [0x0F0F_FF00_AAAA_CCCC, 0xFFFF_0000_FFFF_0000];

    [Fact]
    public void Not_FlipsEveryBit()
    {
        Assert.Equal([~A[0], ~A[1]], Vec.ToU64(VectorOps.V128Not(Vec.U64(A))));
    }

    [Fact]
    public void And_KeepsBitsSetInBoth()
    {
        Assert.Equal([A[0] & B[0], A[1] & B[1]], Vec.ToU64(VectorOps.V128And(Vec.U64(A), Vec.U64(B))));
    }

    [Fact]
    public void Or_KeepsBitsSetInEither()
    {
        Assert.Equal([A[0] | B[0], A[1] | B[1]], Vec.ToU64(VectorOps.V128Or(Vec.U64(A), Vec.U64(B))));
    }

    [Fact]
    public void Xor_KeepsBitsSetInExactlyOne()
    {
        Assert.Equal([A[0] ^ B[0], A[1] ^ B[1]], Vec.ToU64(VectorOps.V128Xor(Vec.U64(A), Vec.U64(B))));
    }

    [Fact]
    public void Andnot_ClearsTheBitsSetInTheSecondOperand()
    {
        Assert.Equal([A[0] & ~B[0], A[1] & ~B[1]], Vec.ToU64(VectorOps.V128Andnot(Vec.U64(A), Vec.U64(B))));
    }

    [Fact]
    public void Bitselect_TakesEachBitFromFirstWhereMaskIsSetAndFromSecondElsewhere()
    {
        ulong[] mask = [0xF0F0_0000_FFFF_1234, 0x8000_0000_0000_0001];

        var result = VectorOps.V128Bitselect(Vec.U64(A), Vec.U64(B), Vec.U64(mask));

        Assert.Equal(
            [(A[0] & mask[0]) | (B[0] & ~mask[0]), (A[1] & mask[1]) | (B[1] & ~mask[1])],
            Vec.ToU64(result));
    }
}
