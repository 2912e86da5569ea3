using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using global::Wasmtime;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>
/// Compiled modules by code hash: first this process's memory, then the shared disk cache, then a compile. A compile
/// runs on its own thread and the request waits only until its deadline; a compile that outlives the request goes on,
/// and its module (or its rejection) is cached for the next one. Failures are cached too, so a repeat is cheap:
/// a rejected module answers its CompileError at once, and one whose compile outlasted a timeout answers Timeout at
/// once for any timeout no longer than the one it already outlasted.
/// </summary>
internal sealed class WasmtimeModules(Engine engine, CompiledModuleCache disk, string fingerprint)
{
    /// <summary>Modules kept in memory; older ones are dropped (and reloaded from disk when needed again).</summary>
    public const int MaxInMemory = 64;

    private const string TimeoutPrefix = "timeout:";

    private readonly ConcurrentDictionary<string, Entry> _memory = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>The disk cache behind the memory one.</summary>
    public CompiledModuleCache Disk => disk;

    /// <summary>The module for <paramref name="code"/>, or the outcome that ends the run.</summary>
    public ModuleLookup Get(ReadOnlyMemory<byte> code, string sha256, TimeSpan timeout)
    {
        var key = $"{sha256}-{fingerprint}";
        if (_memory.TryGetValue(key, out var known) && known.Compile.IsCompletedSuccessfully)
        {
            known.LastUsed = Interlocked.Increment(ref _clock);
            return Answer(known.Compile.Result, CacheHit.Memory, 0);
        }

        if (known is null)
        {
            if (disk.TryReadFailure(key) is { } failure)
            {
                if (!failure.StartsWith(TimeoutPrefix, StringComparison.Ordinal))
                {
                    return Remember(key, new CompileResult(null, failure, 0), CacheHit.Disk);
                }

                if (double.TryParse(failure[TimeoutPrefix.Length..], CultureInfo.InvariantCulture, out var outlasted) && timeout.TotalMilliseconds <= outlasted)
                {
                    return new ModuleLookup(null, CompileTimeout(timeout, outlasted), CacheHit.Disk, 0);
                }
            }

            if (Load(key) is { } loaded) return loaded;
        }

        var entry = _memory.GetOrAdd(key, k => new Entry(Task.Factory.StartNew(
            () => Compile(k, code), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        entry.LastUsed = Interlocked.Increment(ref _clock);
        Trim();
        var clock = Stopwatch.StartNew();
        if (!entry.Compile.Wait(timeout))
        {
            if (!entry.Compile.IsCompleted) disk.WriteFailure(key, TimeoutPrefix + clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture));
            return new ModuleLookup(null, CompileTimeout(timeout, null), CacheHit.Miss, clock.Elapsed.TotalMilliseconds);
        }

        var result = entry.Compile.Result;
        return Answer(result, CacheHit.Miss, result.CompileTimeMs);
    }

    private ModuleLookup? Load(string key)
    {
        var clock = Stopwatch.StartNew();
        if (disk.TryFindModule(key) is not { } path) return null;
        Module module;
        try
        {
            // Mapped, not copied: entries are only ever replaced by rename, so the verified file stays as it was.
            module = Module.DeserializeFile(engine, "main", path);
        }
        catch (WasmtimeException)
        {
            // Written by another Wasmtime build or configuration that shares the fingerprint: compile afresh.
            return null;
        }

        return Remember(key, new CompileResult(module, null, 0), CacheHit.Disk, clock.Elapsed.TotalMilliseconds);
    }

    private ModuleLookup Remember(string key, CompileResult result, CacheHit cacheHit, double loadTimeMs = 0)
    {
        var entry = _memory.GetOrAdd(key, _ => new Entry(Task.FromResult(result)));
        entry.LastUsed = Interlocked.Increment(ref _clock);
        Trim();
        return Answer(result, cacheHit, loadTimeMs);
    }

    private CompileResult Compile(string key, ReadOnlyMemory<byte> code)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var module = Module.FromBytes(engine, "main", code.Span);
            var compileTimeMs = clock.Elapsed.TotalMilliseconds;
            disk.WriteModule(key, module.Serialize());
            disk.Delete(key + ".failed");
            return new CompileResult(module, null, compileTimeMs);
        }
        catch (WasmtimeException e)
        {
            var message = WasmtimeMessages.Compile(e);
            disk.WriteFailure(key, message);
            return new CompileResult(null, message, clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault of the compiler itself is this request's answer only: nothing is written to disk, and the
            // entry is dropped so a repeat tries again.
            _memory.TryRemove(key, out _);
            return new CompileResult(null, $"the WebAssembly compiler failed: {e.Message}", clock.Elapsed.TotalMilliseconds);
        }
    }

    private static ModuleLookup Answer(CompileResult result, CacheHit cacheHit, double compileTimeMs) => result.Module is not null
        ? new ModuleLookup(result.Module, null, cacheHit, compileTimeMs)
        : new ModuleLookup(null, SandboxOutcome.Failed(ErrorTypes.CompileError, result.Error!), cacheHit, compileTimeMs);

    private static SandboxOutcome CompileTimeout(TimeSpan timeout, double? outlastedMs) => SandboxOutcome.Failed(ErrorTypes.Timeout, outlastedMs is { } ms
        ? $"the module is too large to compile within the {timeout.TotalMilliseconds:0} ms timeout (an earlier compile ran {ms:0} ms without finishing)"
        : $"the module is too large to compile within the {timeout.TotalMilliseconds:0} ms timeout; the compile goes on, and a later request finds it cached once done");

    // Drops the least recently used finished entries beyond the bound; their modules stay on disk.
    private void Trim()
    {
        if (_memory.Count <= MaxInMemory) return;
        foreach (var (key, _) in _memory.Where(p => p.Value.Compile.IsCompleted).OrderBy(p => p.Value.LastUsed).Take(_memory.Count - MaxInMemory).ToList())
        {
            _memory.TryRemove(key, out _);
        }
    }

    private sealed class Entry(Task<CompileResult> compile)
    {
        public Task<CompileResult> Compile { get; } = compile;

        public long LastUsed { get; set; }
    }
}
