using System.Buffers;
using System.Net.Http;

namespace ScriptRunner.Core.Networking;

/// <summary>Reads a response body into memory without ever holding more than the cap plus one buffer.</summary>
internal static class BoundedBody
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// Reads the whole body, or throws <see cref="BodyTooLargeException"/> as soon as it is known to be larger than
    /// <paramref name="maxBytes"/>: from Content-Length before reading, else after reading one byte past the cap.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes) throw new BodyTooLargeException(maxBytes, declared);

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = stream.ConfigureAwait(false);
        // Content-Length is only a hint for the first allocation; the byte count below is what is enforced.
        using var body = new MemoryStream((int)Math.Min(declared ?? ChunkSize, Math.Min(maxBytes, Array.MaxLength)));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long total = 0;
            while (true)
            {
                var want = (int)Math.Min(chunk.Length, maxBytes + 1 - total);
                var read = await stream.ReadAsync(chunk.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                total += read;
                if (total > maxBytes) throw new BodyTooLargeException(maxBytes, declared);
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }
}
