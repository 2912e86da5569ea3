namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Drives one execution's event loop: microtasks, then one due timer at a time, until the handler's promise (or the
/// completion value's) settles. Pending timers are then dropped. Waits for the next timer block on the deadline.
/// </summary>
internal static class JavaScriptEventLoop
{
    /// <summary>Runs the loop; throws <see cref="NeverSettlesException"/> or <see cref="OperationCanceledException"/>.</summary>
    public static void Run(IJavaScriptRealm realm, JavaScriptHostFunctions host, CancellationToken deadline)
    {
        while (true)
        {
            realm.RunMicrotasks();
            realm.ReportUnhandledRejections();
            deadline.ThrowIfCancellationRequested();
            var wait = realm.Tick(host.Now());
            if (wait == -2) return;
            if (wait == -1) throw new NeverSettlesException();
            if (wait > 0 && deadline.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(wait))) deadline.ThrowIfCancellationRequested();
        }
    }
}
