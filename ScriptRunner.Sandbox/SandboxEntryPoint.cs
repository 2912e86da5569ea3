using ScriptRunner.Core.Sandboxing.Protocol;
using ScriptRunner.Sandbox.Hosting;

namespace ScriptRunner.Sandbox;

/// <summary>The sandbox process: runs one execution at a time for the service that started it.</summary>
internal static class SandboxEntryPoint
{
    private static int Main(string[] args)
    {
        if (args is not [SandboxProtocol.ServeSwitch])
        {
            Console.Error.WriteLine($"ScriptRunner.Sandbox is started by the ScriptRunner service with {SandboxProtocol.ServeSwitch}; it speaks a binary protocol on stdin/stdout.");
            return 2;
        }

        var protocolIn = Console.OpenStandardInput();
        var protocolOut = Console.OpenStandardOutput();
        // stdout carries frames: anything printed through Console goes to stderr instead, where the parent only keeps a tail.
        Console.SetOut(Console.Error);
        return SandboxServer.Serve(protocolIn, protocolOut);
    }
}
