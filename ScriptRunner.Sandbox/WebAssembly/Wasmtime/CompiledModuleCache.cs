using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>
/// Compiled modules on disk, shared by every sandbox process and kept across restarts. An entry is a file named by
/// its key: the payload (a serialized module, or the text of a compile failure), then a trailer of a magic tag and
/// the payload's SHA-256. The payload comes first so Wasmtime can map a module file as it is (ELF ignores the
/// trailing bytes) instead of copying it. Entries are written to a temporary file and renamed into place, so a reader
/// sees a whole entry or none; one whose tag or digest does not match is deleted and treated as missing, never handed
/// to the engine. The folder is bounded by size: after each write the least recently used entries go.
/// </summary>
internal sealed class CompiledModuleCache
{
    private static readonly byte[] ModuleMagic = "SRWASM1\n"u8.ToArray();
    private static readonly byte[] FailureMagic = "SRFAIL1\n"u8.ToArray();
    private const int DigestLength = 32;
    private const int TrailerLength = 8 + DigestLength;
    private const string Extension = ".cache";

    private readonly string _directory;
    private readonly long _maxBytes;

    public CompiledModuleCache(string directory, long maxBytes)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without its folder the cache only misses: every process compiles for itself, and nothing else fails.
        }
    }

    /// <summary>The folder holding the entries.</summary>
    public string DirectoryPath => _directory;

    /// <summary>The path of the verified module entry stored under <paramref name="key"/>, or null.</summary>
    public string? TryFindModule(string key)
    {
        var path = PathOf(key);
        return Verify(path, ModuleMagic) ? Touch(path) : null;
    }

    /// <summary>The compile failure stored under <paramref name="key"/>, or null.</summary>
    public string? TryReadFailure(string key)
    {
        var path = PathOf(key + ".failed");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var payload = bytes.Length - TrailerLength;
        if (payload < 0
            || !bytes.AsSpan(payload, FailureMagic.Length).SequenceEqual(FailureMagic)
            || !SHA256.HashData(bytes.AsSpan(0, payload)).AsSpan().SequenceEqual(bytes.AsSpan(payload + FailureMagic.Length, DigestLength)))
        {
            TryDelete(path);
            return null;
        }

        return Encoding.UTF8.GetString(bytes.AsSpan(0, payload));
    }

    /// <summary>Stores a serialized module.</summary>
    public void WriteModule(string key, ReadOnlySpan<byte> payload) => Write(key, ModuleMagic, payload);

    /// <summary>Stores a compile failure, so a repeat is answered without compiling.</summary>
    public void WriteFailure(string key, string message) => Write(key + ".failed", FailureMagic, Encoding.UTF8.GetBytes(message));

    /// <summary>Removes an entry if present (a failure superseded by a successful compile).</summary>
    public void Delete(string name) => TryDelete(PathOf(name));

    private string PathOf(string name) => Path.Combine(_directory, name + Extension);

    // True when the entry's trailer has the tag and the digest of everything before it. The payload is streamed
    // through a pooled buffer: a module entry is tens of megabytes that Wasmtime then maps, never copied whole.
    private static bool Verify(string path, byte[] magic)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.SequentialScan);
            var payload = file.Length - TrailerLength;
            var valid = payload >= 0;
            if (valid)
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                for (var remaining = payload; remaining > 0;)
                {
                    var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                    if (read == 0) break;
                    hash.AppendData(buffer, 0, read);
                    remaining -= read;
                }

                file.ReadExactly(buffer, 0, TrailerLength);
                valid = buffer.AsSpan(0, magic.Length).SequenceEqual(magic)
                    && hash.GetHashAndReset().AsSpan().SequenceEqual(buffer.AsSpan(magic.Length, DigestLength));
            }

            if (!valid) TryDelete(path);
            return valid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The last write time orders eviction: touching it on a hit makes the cache least-recently-used.
    private static string Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (IOException)
        {
        }

        return path;
    }

    private void Write(string name, byte[] magic, ReadOnlySpan<byte> payload)
    {
        var path = PathOf(name);
        var temporary = Path.Combine(_directory, $"{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(payload);
                file.Write(magic);
                file.Write(SHA256.HashData(payload));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException)
        {
            // A full or read-only disk costs a recompile later, never the run.
            TryDelete(temporary);
            return;
        }
        catch (UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return;
        }

        Trim();
    }

    // Deletes the least recently used entries until the folder is within 90% of its bound.
    private void Trim()
    {
        FileInfo[] entries;
        try
        {
            entries = new DirectoryInfo(_directory).GetFiles("*" + Extension);
        }
        catch (IOException)
        {
            return;
        }

        var total = entries.Sum(e => e.Length);
        if (total <= _maxBytes) return;
        var target = _maxBytes / 10 * 9;
        foreach (var entry in entries.OrderBy(e => e.LastWriteTimeUtc))
        {
            if (total <= target) break;
            total -= entry.Length;
            TryDelete(entry.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
