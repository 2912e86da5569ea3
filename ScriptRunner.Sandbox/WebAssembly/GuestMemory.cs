using System.Buffers.Binary;
using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>Bounds-checked access to a module's exported linear memory on behalf of one host function.</summary>
/// <remarks>
/// Pointers and lengths arrive as wasm i32 values and are read as unsigned, so a "negative" length is a huge one and
/// fails the bounds check instead of wrapping. A failed check raises <see cref="GuestMemoryFault"/>: the env module
/// turns it into a trap, WASI into <c>EFAULT</c>.
/// </remarks>
internal readonly struct GuestMemory
{
    /// <summary>The export name host functions look for, as WASI and every toolchain use it.</summary>
    public const string ExportName = "memory";

    private readonly IGuestMemory _memory;
    private readonly string _function;

    private GuestMemory(IGuestMemory memory, string function)
    {
        _memory = memory;
        _function = function;
    }

    /// <summary>The calling module's memory, or a trap naming <paramref name="function"/> when it exports none.</summary>
    public static GuestMemory Of(IGuestMemory? memory, string function)
    {
        if (memory is null)
        {
            throw HostTrapException.Misuse($"{function} needs the module to export its linear memory as \"{ExportName}\"");
        }

        return new GuestMemory(memory, function);
    }

    /// <summary>Size of the memory in bytes.</summary>
    public long Length => _memory.Length;

    /// <summary>The bytes at [pointer, pointer + length), or a fault naming <paramref name="what"/>.</summary>
    public Span<byte> Span(int pointer, int length, string what)
    {
        var start = (uint)pointer;
        var count = (uint)length;
        var size = _memory.Length;
        if ((ulong)start + count > (ulong)size || count > int.MaxValue)
        {
            throw new GuestMemoryFault(
                $"{_function}: {what} (pointer {start}, length {count}) is outside linear memory ({size} bytes)");
        }

        return count == 0 ? [] : _memory.GetSpan(start, (int)count);
    }

    /// <summary>Reads a little-endian u32.</summary>
    public uint ReadUInt32(int pointer, string what) => BinaryPrimitives.ReadUInt32LittleEndian(Span(pointer, 4, what));

    /// <summary>Writes a little-endian u32.</summary>
    public void WriteUInt32(int pointer, uint value, string what) =>
        BinaryPrimitives.WriteUInt32LittleEndian(Span(pointer, 4, what), value);

    /// <summary>Writes a little-endian u64.</summary>
    public void WriteUInt64(int pointer, ulong value, string what) =>
        BinaryPrimitives.WriteUInt64LittleEndian(Span(pointer, 8, what), value);
}
