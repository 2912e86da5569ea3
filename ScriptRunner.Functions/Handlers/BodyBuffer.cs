using System.Buffers;

namespace ScriptRunner.Functions.Handlers;

/// <summary>
/// A request body held in pooled segments as it arrives. Segments stay below the large-object threshold and go back to
/// the pool when the request is done, so a large body neither leaves large-object-heap garbage behind nor is copied a
/// second time into one contiguous array.
/// </summary>
internal sealed class BodyBuffer : IDisposable
{
    // Under the 85,000-byte large-object threshold: a pooled segment never lands on the large-object heap.
    internal const int SegmentBytes = 64 * 1024;

    private readonly List<Segment> _segments = [];

    /// <summary>Bytes held.</summary>
    public long Length { get; private set; }

    /// <summary>Room to read into: the free tail of the last segment, or a new segment.</summary>
    public Memory<byte> FreeSpace()
    {
        if (_segments.Count == 0 || _segments[^1].Filled == SegmentBytes)
        {
            var runningIndex = _segments.Count == 0 ? 0 : _segments[^1].RunningIndex + SegmentBytes;
            var segment = new Segment(ArrayPool<byte>.Shared.Rent(SegmentBytes), runningIndex);
            if (_segments.Count > 0) _segments[^1].Link(segment);
            _segments.Add(segment);
        }
        var last = _segments[^1];
        return last.Array.AsMemory(last.Filled, SegmentBytes - last.Filled);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into the last <see cref="FreeSpace"/>.</summary>
    public void Advance(int count)
    {
        _segments[^1].Advance(count);
        Length += count;
    }

    /// <summary>The bytes held, as one sequence over the segments: no copy, no allocation.</summary>
    public ReadOnlySequence<byte> Sequence()
    {
        // A segment added for a read that found the end holds nothing; the sequence ends before it.
        var count = _segments.Count;
        if (count > 0 && _segments[^1].Filled == 0) count--;
        if (count == 0) return ReadOnlySequence<byte>.Empty;
        var last = _segments[count - 1];
        return new ReadOnlySequence<byte>(_segments[0], 0, last, last.Filled);
    }

    public void Dispose()
    {
        foreach (var segment in _segments) ArrayPool<byte>.Shared.Return(segment.Array);
        _segments.Clear();
        Length = 0;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] array, long runningIndex)
        {
            Array = array;
            RunningIndex = runningIndex;
            Memory = ReadOnlyMemory<byte>.Empty;
        }

        public byte[] Array { get; }

        public int Filled => Memory.Length;

        public void Advance(int count) => Memory = Array.AsMemory(0, Filled + count);

        public void Link(Segment next) => Next = next;
    }
}
