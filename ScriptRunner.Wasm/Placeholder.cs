namespace ScriptRunner.Wasm; internal static class Placeholder {}
