namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>What the engine-neutral event loop needs from an engine's realm once the prelude runtime is running.</summary>
internal interface IJavaScriptRealm
{
    /// <summary>Runs every queued promise job (microtask) until none is left.</summary>
    void RunMicrotasks();

    /// <summary>Writes rejections that are still unhandled after the last microtask drain to stderr.</summary>
    void ReportUnhandledRejections();

    /// <summary>Calls the runtime's <c>tick(now)</c>: -2 settled, -1 nothing pending, 0 ran a timer, else ms to wait.</summary>
    double Tick(double now);
}
