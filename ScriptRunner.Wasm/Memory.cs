using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ScriptRunner.Wasm;

/// <summary>A linear memory: native, zero-initialised, growable in 64 KiB pages up to its limits.</summary>
public sealed unsafe class Memory
{
    /// <summary>Size of a WebAssembly page in bytes.</summary>
    public const int PageSize = 65536;

    internal const uint MaxPages = 65536;

    // Compiled code reads Base and ByteLength directly; they change only on grow and dispose.
    internal byte* Base;
    internal ulong ByteLength;

    private readonly object _gate = new();
    private uint _pages;

    /// <summary>Creates a memory in a store; fails with a MemoryLimitExceeded trap if the store's cap is too small.</summary>
    public Memory(Store store, uint minPages, uint? maxPages)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (minPages > MaxPages || maxPages > MaxPages)
        {
            throw new ArgumentException("A memory has at most 65536 pages.");
        }

        if (maxPages is { } max && max < minPages)
        {
            throw new ArgumentException("The maximum size is below the minimum.", nameof(maxPages));
        }

        Store = store;
        Minimum = minPages;
        Maximum = maxPages;
        var bytes = (ulong)minPages * PageSize;
        if (!store.TryReserveMemory((long)bytes))
        {
            throw new TrapException(
                TrapKind.MemoryLimitExceeded,
                $"memory of {minPages} pages ({bytes} bytes) exceeds the limit of {store.Limits.MaxMemoryBytes} bytes");
        }

        try
        {
            // Never a null base, so an empty memory still has a valid (never dereferenced) address.
            Base = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(bytes, 8));
        }
        catch (OutOfMemoryException)
        {
            store.ReleaseMemory((long)bytes);
            throw new TrapException(TrapKind.MemoryLimitExceeded, $"cannot allocate {bytes} bytes of memory");
        }

        ByteLength = bytes;
        _pages = minPages;
        store.Track(this);
    }

    /// <summary>Frees the native buffer if the store was never disposed.</summary>
    ~Memory()
    {
        Free();
    }

    /// <summary>Current size in pages.</summary>
    public uint Pages => _pages;

    /// <summary>Current size in bytes.</summary>
    public long Length => (long)ByteLength;

    /// <summary>The declared maximum in pages, if any.</summary>
    public uint? Maximum { get; }

    internal uint Minimum { get; }

    internal Store Store { get; }

    /// <summary>Grows by <paramref name="deltaPages"/>; returns the old page count, or -1 past the maximum or the store's cap.</summary>
    public int Grow(uint deltaPages)
    {
        lock (_gate)
        {
            var old = _pages;
            if (deltaPages == 0)
            {
                return (int)old;
            }

            var wanted = (ulong)old + deltaPages;
            if (wanted > (Maximum ?? MaxPages) || Base is null)
            {
                return -1;
            }

            var oldBytes = (ulong)old * PageSize;
            var newBytes = wanted * PageSize;
            var delta = (long)(newBytes - oldBytes);
            if (!Store.TryReserveMemory(delta))
            {
                return -1;
            }

            byte* grown;
            try
            {
                grown = (byte*)NativeMemory.Realloc(Base, (nuint)newBytes);
            }
            catch (OutOfMemoryException)
            {
                Store.ReleaseMemory(delta);
                return -1;
            }

            NativeMemory.Clear(grown + oldBytes, (nuint)(newBytes - oldBytes));
            Base = grown;
            ByteLength = newBytes;
            _pages = (uint)wanted;
            return (int)old;
        }
    }

    /// <summary>A view of <paramref name="length"/> bytes at <paramref name="address"/>; out of range traps.</summary>
    public Span<byte> GetSpan(long address, int length)
    {
        CheckRange(address, length);
        return new Span<byte>(Base + address, length);
    }

    /// <summary>Decodes UTF-8 text at an address.</summary>
    public string ReadString(long address, int length) => Encoding.UTF8.GetString(GetSpan(address, length));

    /// <summary>Copies bytes into memory at an address.</summary>
    public void Write(long address, ReadOnlySpan<byte> data) => data.CopyTo(GetSpan(address, data.Length));

    /// <summary>Reads a little-endian i32.</summary>
    public int ReadInt32(long address)
    {
        CheckRange(address, 4);
        return Unsafe.ReadUnaligned<int>(Base + address);
    }

    /// <summary>Writes a little-endian i32.</summary>
    public void WriteInt32(long address, int value)
    {
        CheckRange(address, 4);
        Unsafe.WriteUnaligned(Base + address, value);
    }

    /// <summary>Reads a little-endian i64.</summary>
    public long ReadInt64(long address)
    {
        CheckRange(address, 8);
        return Unsafe.ReadUnaligned<long>(Base + address);
    }

    /// <summary>Writes a little-endian i64.</summary>
    public void WriteInt64(long address, long value)
    {
        CheckRange(address, 8);
        Unsafe.WriteUnaligned(Base + address, value);
    }

    internal void Free()
    {
        lock (_gate)
        {
            if (Base is null)
            {
                return;
            }

            NativeMemory.Free(Base);
            Base = null;
            ByteLength = 0;
            _pages = 0;
        }
    }

    private void CheckRange(long address, int length)
    {
        if (address < 0 || length < 0 || (ulong)address + (ulong)length > ByteLength)
        {
            throw new TrapException(TrapKind.OutOfBoundsMemoryAccess);
        }
    }
}
