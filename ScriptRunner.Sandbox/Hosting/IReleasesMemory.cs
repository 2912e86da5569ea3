namespace ScriptRunner.Sandbox.Hosting;

/// <summary>An engine holding memory outside the managed heap that it can give back between executions.</summary>
internal interface IReleasesMemory
{
    /// <summary>Collects the engine's own garbage and returns what it can to the system; called only between executions.</summary>
    void ReleaseMemory();
}
