using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>The sandbox's <c>wasi_snapshot_preview1</c>: every preview1 function, stdio-only, no preopens.</summary>
internal static class WasiModule
{
    /// <summary>Adds all preview1 functions, bound to <paramref name="context"/>, to <paramref name="functions"/>.</summary>
    public static void AddTo(List<HostFunction> functions, WasiContext context)
    {
        var imports = new WasiImports(functions);
        var stdio = new WasiStdio(context);
        var clocks = new WasiClocksRandom(context);
        new WasiArgsEnviron(context).DefineIn(imports);
        clocks.DefineIn(imports);
        stdio.DefineIn(imports);
        new WasiPoll(context, stdio, clocks).DefineIn(imports);
        new WasiProcess().DefineIn(imports);
        new WasiUnsupported(context).DefineIn(imports);
    }
}
