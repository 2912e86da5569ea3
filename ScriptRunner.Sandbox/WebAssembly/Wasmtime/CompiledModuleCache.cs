using System.Security.Cryptography;
using System.Text;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>
/// Compiled modules on disk, shared by every sandbox process and kept across restarts. An entry is a file named by
/// its key: a magic tag, the SHA-256 of the payload, then the payload (a serialized module, or the text of a
/// compile failure). Entries are written to a temporary file and renamed into place, so a reader sees a whole entry
/// or none; one whose tag or digest does not match is deleted and treated as missing, never handed to the engine.
/// The folder is bounded by size: after each write the least recently used entries go.
/// </summary>
internal sealed class CompiledModuleCache
{
    private static readonly byte[] ModuleMagic = "SRWASM1\n"u8.ToArray();
    private static readonly byte[] FailureMagic = "SRFAIL1\n"u8.ToArray();
    private const int DigestLength = 32;
    private const string Extension = ".cache";

    private readonly string _directory;
    private readonly long _maxBytes;

    public CompiledModuleCache(string directory, long maxBytes)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The folder holding the entries.</summary>
    public string DirectoryPath => _directory;

    /// <summary>The serialized module stored under <paramref name="key"/>, or null.</summary>
    public byte[]? TryReadModule(string key) => TryRead(key, ModuleMagic);

    /// <summary>The compile failure stored under <paramref name="key"/>, or null.</summary>
    public string? TryReadFailure(string key) => TryRead(key + ".failed", FailureMagic) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Stores a serialized module.</summary>
    public void WriteModule(string key, ReadOnlySpan<byte> payload) => Write(key, ModuleMagic, payload);

    /// <summary>Stores a compile failure, so a repeat is answered without compiling.</summary>
    public void WriteFailure(string key, string message) => Write(key + ".failed", FailureMagic, Encoding.UTF8.GetBytes(message));

    /// <summary>Removes an entry if present (a failure superseded by a successful compile).</summary>
    public void Delete(string name) => TryDelete(PathOf(name));

    private string PathOf(string name) => Path.Combine(_directory, name + Extension);

    private byte[]? TryRead(string name, byte[] magic)
    {
        var path = PathOf(name);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }

        var header = magic.Length + DigestLength;
        if (bytes.Length < header
            || !bytes.AsSpan(0, magic.Length).SequenceEqual(magic)
            || !SHA256.HashData(bytes.AsSpan(header)).AsSpan().SequenceEqual(bytes.AsSpan(magic.Length, DigestLength)))
        {
            TryDelete(path);
            return null;
        }

        // The last write time orders eviction: touching it on a hit makes the cache least-recently-used.
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (IOException)
        {
        }

        return bytes.AsSpan(header).ToArray();
    }

    private void Write(string name, byte[] magic, ReadOnlySpan<byte> payload)
    {
        var path = PathOf(name);
        var temporary = Path.Combine(_directory, $"{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(magic);
                file.Write(SHA256.HashData(payload));
                file.Write(payload);
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
