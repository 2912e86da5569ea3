
namespace ScriptRunner.Wasm.Binary;

/// <summary>
/// Reads function names from the "name" custom section. Custom sections carry no semantics, so a damaged name
/// section is ignored rather than rejected.
/// </summary>
internal static class NameSectionReader
{
    private const byte FunctionNamesSubsection = 1;

    /// <summary>Function index to name; empty when the section has no (readable) function names.</summary>
    public static IReadOnlyDictionary<uint, string> ReadFunctionNames(ReadOnlySpan<byte> payload, int baseOffset)
    {
        var names = new Dictionary<uint, string>();
        try
        {
            var reader = new CodeReader(payload, baseOffset, "custom");
            while (!reader.AtEnd)
            {
                var id = reader.ReadByte();
                var size = reader.ReadCount();
                var start = reader.Position;
                if (id == FunctionNamesSubsection)
                {
                    var count = reader.ReadCount(2);
                    for (var i = 0; i < count; i++)
                    {
                        var index = reader.ReadU32();
                        names.TryAdd(index, EntityReader.ReadName(ref reader));
                    }
                }

                reader.Position = start + size;
            }
        }
        catch (CompileException)
        {
            // Names decoded before the damage are still useful for diagnostics.
        }

        return names;
    }
}
