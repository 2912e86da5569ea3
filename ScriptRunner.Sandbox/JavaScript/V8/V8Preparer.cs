using System.Collections.Concurrent;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// One long-lived thread that prepares the next V8 context (and disposes the used one) while requests run. A thread
/// of its own cannot queue behind requests on the thread pool, and starting it once saves a thread start per run.
/// </summary>
internal sealed class V8Preparer : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();

    /// <summary>Starts the thread.</summary>
    public V8Preparer() =>
        new Thread(() =>
        {
            foreach (var work in _work.GetConsumingEnumerable()) work();
        }) { IsBackground = true, Name = "ScriptRunner V8 preparer" }.Start();

    /// <summary>Queues <paramref name="work"/>; the task completes with its result or its exception.</summary>
    public Task<T> Run<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    /// <summary>Lets the thread finish what is queued and end.</summary>
    public void Dispose() => _work.CompleteAdding();
}
