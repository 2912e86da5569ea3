using System.Collections.Concurrent;

namespace ScriptRunner.Benchmarks;

/// <summary>One 64 MB-stack thread that runs work items, as a sandbox process's execution thread does.</summary>
internal sealed class JavaScriptLargeStack : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();

    /// <summary>Starts the thread.</summary>
    public JavaScriptLargeStack() =>
        new Thread(() =>
        {
            foreach (var item in _work.GetConsumingEnumerable()) item();
        }, 64 * 1024 * 1024) { IsBackground = true, Name = "benchmark large stack" }.Start();

    /// <summary>Runs <paramref name="body"/> on the thread and waits for its result.</summary>
    public T Run<T>(Func<T> body)
    {
        T result = default!;
        using var done = new ManualResetEventSlim();
        _work.Add(() =>
        {
            result = body();
            done.Set();
        });
        done.Wait();
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _work.CompleteAdding();
}
