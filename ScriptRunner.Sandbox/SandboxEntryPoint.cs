namespace ScriptRunner.Sandbox;

/// <summary>The sandbox process: runs one execution at a time for the parent that started it.</summary>
internal static class SandboxEntryPoint
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("ScriptRunner.Sandbox is started by the ScriptRunner service, not by hand.");
        return args.Length == 0 ? 2 : 2;
    }
}
