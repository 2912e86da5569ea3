using global::Wasmtime;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>Turns Wasmtime's multi-line error texts and trap codes into the one-line messages callers get.</summary>
internal static class WasmtimeMessages
{
    /// <summary>
    /// Wasmtime's message as one line: "A\n\nCaused by:\n    0: B\n    1: C" becomes "A: B: C", without the
    /// backtrace it puts first for errors raised while executing.
    /// </summary>
    public static string OneLine(string message)
    {
        var parts = new List<string>();
        foreach (var raw in message.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line == "Caused by:" || line.StartsWith("error while executing at wasm backtrace", StringComparison.Ordinal)) continue;
            // Backtrace frames: "0:     0x8a - <unknown>!oob"; cause entries: "0: text".
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && line[..colon].All(char.IsAsciiDigit)) line = line[(colon + 2)..].Trim();
            if (line.StartsWith("0x", StringComparison.Ordinal) && line.Contains(" - ", StringComparison.Ordinal)) continue;
            if (line.Contains("<unknown>!", StringComparison.Ordinal) || line.Contains("<wasm function", StringComparison.Ordinal)) continue;
            parts.Add(line);
        }

        return string.Join(": ", parts);
    }

    /// <summary>
    /// The compile error of a rejected module, worded as the managed engine words it: "malformed module: ..." when
    /// the bytes do not decode, "invalid module: ..." when they do not validate, with Wasmtime's innermost cause.
    /// </summary>
    public static string Compile(WasmtimeException e)
    {
        var causes = Causes(e.Message);
        var malformed = causes.Count > 0 && causes[0].Contains("failed to parse", StringComparison.Ordinal);
        var detail = causes.Count > 0 ? causes[^1] : e.Message.Trim();
        // "Invalid input WebAssembly code at offset 24: type mismatch: ..." keeps the offset, in our words.
        const string invalidInput = "Invalid input WebAssembly code at offset ";
        if (detail.StartsWith(invalidInput, StringComparison.Ordinal) && detail.IndexOf(": ", invalidInput.Length, StringComparison.Ordinal) is var colon and > 0)
        {
            detail = $"{detail[(colon + 2)..]} (at offset {detail[invalidInput.Length..colon]})";
        }

        return $"{(malformed ? "malformed" : "invalid")} module: {detail}";
    }

    /// <summary>The name of the innermost named guest function in the backtrace Wasmtime puts in an error's message.</summary>
    public static string? FirstFunction(string message)
    {
        foreach (var raw in message.Split('\n'))
        {
            var bang = raw.IndexOf('!');
            if (bang < 0 || !raw.Contains("0x", StringComparison.Ordinal) && !raw.Contains("<unknown>", StringComparison.Ordinal)) continue;
            var name = raw[(bang + 1)..].Trim();
            if (name.Length > 0 && !name.StartsWith("<wasm function", StringComparison.Ordinal)) return name;
        }

        return null;
    }

    // The lines of an error message without the backtrace: its headline, then each "Caused by" entry.
    private static List<string> Causes(string message)
    {
        var lines = new List<string>();
        foreach (var raw in message.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line == "Caused by:") continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && line[..colon].All(char.IsAsciiDigit)) line = line[(colon + 2)..].Trim();
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The human line for a trap code, worded as the managed engine words it.</summary>
    public static string Trap(TrapCode code) => code switch
    {
        TrapCode.StackOverflow => "call stack exhausted",
        TrapCode.MemoryOutOfBounds => "out of bounds memory access",
        TrapCode.HeapMisaligned => "unaligned atomic",
        // One code for both; call_indirect past the end of a table (the common case) is "undefined element" in the spec.
        TrapCode.TableOutOfBounds => "undefined element",
        TrapCode.IndirectCallToNull => "uninitialized element",
        TrapCode.BadSignature => "indirect call type mismatch",
        TrapCode.IntegerOverflow => "integer overflow",
        TrapCode.IntegerDivisionByZero => "integer divide by zero",
        TrapCode.BadConversionToInteger => "invalid conversion to integer",
        TrapCode.Unreachable => "unreachable",
        TrapCode.Interrupt => "execution timed out",
        TrapCode.OutOfFuel => "all fuel consumed",
        TrapCode.NullReference => "null reference",
        TrapCode.AllocationTooLarge => "allocation too large",
        _ => code.ToString(),
    };

    /// <summary>The stack of a trap: one line per frame, innermost first, with the function's name and offsets.</summary>
    public static string? Stack(TrapException e)
    {
        if (e.Frames is not { Count: > 0 } frames) return null;
        // Wasmtime reports -1 for an offset it does not know (the frame of a stack overflow's first call).
        return string.Join("\n", frames.Select(f => f.ModuleOffset < 0
            ? $"at {f.FunctionName ?? "<unnamed>"}"
            : $"at {f.FunctionName ?? "<unnamed>"} (function offset 0x{f.FunctionOffset:x}, module offset 0x{f.ModuleOffset:x})"));
    }
}
