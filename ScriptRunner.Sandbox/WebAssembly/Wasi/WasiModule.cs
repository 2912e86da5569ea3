using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>The sandbox's <c>wasi_snapshot_preview1</c>: every preview1 function, stdio-only, no preopens.</summary>
internal static class WasiModule
{
    /// <summary>Defines all preview1 functions in <paramref name="linker"/>, bound to <paramref name="context"/>.</summary>
    public static void DefineIn(Linker linker, WasiContext context)
    {
        var imports = new WasiImports(linker);
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
