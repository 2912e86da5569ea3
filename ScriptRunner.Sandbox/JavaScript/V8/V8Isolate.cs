using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;
using ScriptRunner.Core.Sandboxing;
using ScriptRunner.Sandbox.Hosting;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// The sandbox process's one V8 runtime (isolate) and the fresh context each execution gets. The next context is
/// made, and the used one disposed, on the isolate's preparer thread once an execution ends, so neither costs the
/// next request; the isolate is replaced after its execution budget, when its heap has grown, or after a limit
/// stopped a script. Executions are serialized by the caller.
/// </summary>
internal sealed class V8Isolate : IDisposable
{
    /// <summary>
    /// Executions one isolate serves before it is replaced (compiled code and heap fragments are dropped with it). Its
    /// heap stays bounded by V8's own collections between recycles; a new isolate costs the process a fresh heap whose
    /// pages the allocator does not all give back, so recycling often only grows the process.
    /// </summary>
    public const int DefaultRecycleAfter = 20_000;

    /// <summary>Heap, after an execution, above which the isolate is replaced rather than reused.</summary>
    public const long RecycleHeapBytes = 96L * 1024 * 1024;

    /// <summary>The cap the first isolate is made for when none is given: the default of the service's settings.</summary>
    public const long DefaultMemoryLimitBytes = 128L * 1024 * 1024;

    /// <summary>Classic scripts kept compiled per isolate; past this many the set starts over.</summary>
    public const int MaxCompiledScripts = 256;

    /// <summary>The isolate's hard heap ceiling in MB; V8 aborts the process past it, so the per-run soft limit must stay far below.</summary>
    public const int HardOldSpaceMb = 2048;

    private const V8ScriptEngineFlags EngineFlags = V8ScriptEngineFlags.HideHostExceptions | V8ScriptEngineFlags.DisableGlobalMembers;

    private readonly bool _allowStringCompilation;
    private readonly int _recycleAfter;
    private V8Runtime _runtime;
    private V8Script _setup;
    private V8Script _moduleLoader;
    private V8Script? _refusal;
    private V8Script _surface;
    private Dictionary<string, uint>? _documentNames;
    private readonly Dictionary<V8ScriptEngine, ScriptObject> _hides = new(ReferenceEqualityComparer.Instance);
    private readonly V8Preparer _preparer = new();
    private readonly Dictionary<string, V8Script> _scripts = new(StringComparer.Ordinal);
    private int _executions;
    private ulong _arrayBufferBytes;
    private Task<V8ScriptEngine>? _next;

    /// <summary>Creates the isolate and compiles the prelude into it; it is replaced after <paramref name="recycleAfter"/> executions.</summary>
    public V8Isolate(bool allowStringCompilation, int recycleAfter, MemoryAccounting memory, long memoryLimitBytes = DefaultMemoryLimitBytes)
    {
        _arrayBufferBytes = ArrayBufferBytesFor(memoryLimitBytes);
        Resident = memory.ProcessIsTheExecutions ? ResidentMemory.OfSelf() : null;
        _allowStringCompilation = allowStringCompilation;
        _recycleAfter = recycleAfter;
        (_runtime, _setup, _moduleLoader, _refusal, _surface) = CreateRuntime();
        _documentNames = V8DocumentNames.CountsOf(_runtime);
        _next = _preparer.Run(CreateEngine);
    }

    /// <summary>Isolates made so far by this holder (1 until the first recycle).</summary>
    public int Generation { get; private set; } = 1;

    /// <summary>The setup function (<c>(hostBridge, inputJson) =&gt; { runtime, … }</c>, see <see cref="V8Scripts.Setup"/>) compiled once per isolate.</summary>
    public V8Script Setup => _setup;

    /// <summary>The module that imports the user's module and hands its namespace over (<see cref="V8Scripts.ModuleLoader"/>), compiled once per isolate.</summary>
    public V8Script ModuleLoader => _moduleLoader;

    /// <summary>
    /// The function that makes a global's functions print as native code in <paramref name="engine"/>'s context
    /// (<c>Scripts/Surface.js</c>), made with the context.
    /// </summary>
    public ScriptObject Hide(V8ScriptEngine engine)
    {
        lock (_hides) return _hides[engine];
    }

    /// <summary>Forgets that the script's source name was given, so the next script or module is named <c>main.js</c> (see <see cref="V8DocumentNames"/>).</summary>
    public void ForgetSourceName() => V8DocumentNames.Forget(_documentNames);

    /// <summary>This process's resident size, for the memory watch of each run; null when the process is shared.</summary>
    public ResidentMemory? Resident { get; }

    /// <summary>The isolate's runtime (for heap limits and figures).</summary>
    public V8Runtime Runtime => _runtime;

    /// <summary>
    /// A classic script compiled once per isolate, by the code's SHA-256: every context that runs it shares its
    /// bytecode and baseline machine code, so a warm repeat starts fast instead of in the interpreter.
    /// </summary>
    public V8Script CompiledScript(string sha256, string source)
    {
        if (_scripts.TryGetValue(sha256, out var found)) return found;
        if (_scripts.Count >= MaxCompiledScripts) ClearScripts();
        ForgetSourceName();
        var script = _runtime.Compile(new DocumentInfo(JavaScriptOutcomes.SourceName), source);
        _scripts[sha256] = script;
        return script;
    }

    /// <summary>
    /// A fresh context for one execution with a memory cap of <paramref name="memoryLimitBytes"/>, made ahead of time
    /// when possible. Array buffers live outside V8's heap and are bounded only by the isolate's allocator, whose
    /// bound is fixed when the isolate is made: a run with another cap gets an isolate made for its cap.
    /// </summary>
    public V8ScriptEngine Lease(long memoryLimitBytes)
    {
        var pending = Interlocked.Exchange(ref _next, null);
        if (ArrayBufferBytesFor(memoryLimitBytes) != _arrayBufferBytes)
        {
            try
            {
                if (pending is not null) Release(pending.GetAwaiter().GetResult());
            }
            catch (Exception)
            {
                // A failed warm-up is replaced with the rest of the isolate.
            }

            _arrayBufferBytes = ArrayBufferBytesFor(memoryLimitBytes);
            Recycle();
            return CreateEngine();
        }


        if (pending is not null)
        {
            try
            {
                return pending.GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // A failed warm-up (a broken isolate) is replaced below.
                Recycle();
            }
        }

        return CreateEngine();
    }

    /// <summary>Gives back a used context; <paramref name="poisoned"/> says a limit stopped it, so the isolate is replaced.</summary>
    public void Return(V8ScriptEngine engine, bool poisoned)
    {
        _executions++;
        var recycle = poisoned || _executions >= _recycleAfter;
        _next = _preparer.Run(() =>
        {
            Release(engine);
            if (!recycle && (long)_runtime.GetHeapInfo().UsedHeapSize > RecycleHeapBytes)
            {
                _runtime.CollectGarbage(true);
                recycle = (long)_runtime.GetHeapInfo().UsedHeapSize > RecycleHeapBytes;
            }

            if (recycle) Recycle();
            return CreateEngine();
        });
    }

    /// <summary>
    /// Collects the isolate's garbage. It runs on the preparer thread, after whatever that thread was given before (the
    /// disposal of the last context, a replacement of the isolate), so it always reaches the live runtime.
    /// </summary>
    public void ReleaseMemory() => _preparer.Run(() =>
    {
        _runtime.CollectGarbage(true);
        return true;
    }).GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (Interlocked.Exchange(ref _next, null) is { } pending) Release(pending.GetAwaiter().GetResult());
        }
        catch (Exception)
        {
            // Nothing to keep from a failed warm-up.
        }

        _runtime.Dispose();
        _preparer.Dispose();
        Resident?.Dispose();
    }

    // No cap means the allocator's own bound, far below what would exhaust the process.
    private static ulong ArrayBufferBytesFor(long memoryLimitBytes) => memoryLimitBytes > 0 ? (ulong)memoryLimitBytes : 1UL << 30;

    private void ClearScripts()
    {
        foreach (var script in _scripts.Values) script.Dispose();
        _scripts.Clear();
    }

    private void Recycle()
    {
        ClearScripts();
        _runtime.Dispose();
        (_runtime, _setup, _moduleLoader, _refusal, _surface) = CreateRuntime();
        _documentNames = V8DocumentNames.CountsOf(_runtime);
        _executions = 0;
        Generation++;
    }

    private (V8Runtime, V8Script, V8Script, V8Script?, V8Script) CreateRuntime()
    {
        var constraints = new V8RuntimeConstraints { MaxOldSpaceSize = HardOldSpaceMb, MaxArrayBufferAllocation = _arrayBufferBytes };
        var runtime = new V8Runtime("scriptrunner", constraints)
        {
            HeapSizeSampleInterval = TimeSpan.FromMilliseconds(5),
            HeapSizeViolationPolicy = V8RuntimeViolationPolicy.Interrupt,
        };
        var info = new DocumentInfo(JavaScriptPrelude.SourceName);
        var setup = runtime.Compile(info, V8Scripts.Setup);
        var moduleLoader = runtime.Compile(new DocumentInfo(JavaScriptPrelude.SourceName) { Category = ModuleCategory.Standard }, V8Scripts.ModuleLoader);
        var refusal = _allowStringCompilation ? null : runtime.Compile(info, V8Scripts.RefuseStringCompilation);
        var surface = runtime.Compile(info, V8Scripts.Surface);
        return (runtime, setup, moduleLoader, refusal, surface);
    }

    private V8ScriptEngine CreateEngine()
    {
        var engine = _runtime.CreateScriptEngine(EngineFlags);
        engine.AllowReflection = false;
        engine.EnableAutoHostVariables = false;
        if (_refusal is not null) engine.Execute(_refusal);
        var hide = (ScriptObject)engine.Evaluate(_surface);
        lock (_hides) _hides[engine] = hide;
        return engine;
    }

    private void Release(V8ScriptEngine engine)
    {
        lock (_hides)
        {
            if (_hides.Remove(engine, out var hide)) hide.Dispose();
        }

        engine.Dispose();
    }
}
