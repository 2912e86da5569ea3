using System.Runtime.InteropServices;

namespace ScriptRunner.Wasm.Execution.Instructions.Memory;

/// <summary>memory.grow and the bulk memory instructions (operands in stack order, then the context).</summary>
internal static unsafe class MemoryOps
{
    public static int Grow(int deltaPages, InstanceContext context) => context.Memory!.Grow((uint)deltaPages);

    public static void Fill(int destination, int value, int count, InstanceContext context)
    {
        var memory = context.Memory!;
        CheckRange(destination, count, memory.ByteLength);
        NativeMemory.Fill(memory.Base + (uint)destination, (uint)count, (byte)value);
    }

    public static void Copy(int destination, int source, int count, InstanceContext context)
    {
        var memory = context.Memory!;
        CheckRange(destination, count, memory.ByteLength);
        CheckRange(source, count, memory.ByteLength);
        Buffer.MemoryCopy(memory.Base + (uint)source, memory.Base + (uint)destination, (uint)count, (uint)count);
    }

    public static void Init(int destination, int source, int count, int segment, InstanceContext context)
    {
        var memory = context.Memory!;
        var data = context.Data[segment].Span;
        CheckRange(source, count, (ulong)data.Length);
        CheckRange(destination, count, memory.ByteLength);
        data.Slice(source, count).CopyTo(new Span<byte>(memory.Base + (uint)destination, count));
    }

    public static void DropData(int segment, InstanceContext context) => context.Data[segment] = ReadOnlyMemory<byte>.Empty;

    private static void CheckRange(int start, int count, ulong length)
    {
        if ((ulong)(uint)start + (uint)count > length)
        {
            throw Traps.MemoryOutOfBounds();
        }
    }
}
