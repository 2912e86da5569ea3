using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Binary;

// The public ScriptRunner.Wasm.FunctionType would otherwise shadow the module model type.
using FunctionType = ScriptRunner.Wasm.Structure.FunctionType;

/// <summary>
/// Decodes the binary format (spec chapter 5) into a <see cref="ModuleDefinition"/>, rejecting every malformed
/// module: function bodies are scanned instruction by instruction for well-formedness (typing is left to
/// validation). Every count read from the input is checked against the bytes that remain before anything is
/// allocated for it.
/// </summary>
internal static class ModuleReader
{
    private static ReadOnlySpan<byte> Magic => [0x00, 0x61, 0x73, 0x6D];

    private static ReadOnlySpan<byte> Version => [0x01, 0x00, 0x00, 0x00];

    /// <summary>Decodes <paramref name="bytes"/>; throws a malformed <see cref="CompileException"/> on any error.</summary>
    public static ModuleDefinition Read(ReadOnlySpan<byte> bytes)
    {
        CheckHeader(bytes);
        return new ModuleBuilder(bytes.ToArray()).Build();
    }

    private static void CheckHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4) throw CompileException.Malformed("unexpected end", bytes.Length);
        if (!bytes[..4].SequenceEqual(Magic)) throw CompileException.Malformed("magic header not detected", 0);
        if (bytes.Length < 8) throw CompileException.Malformed("unexpected end", bytes.Length);
        if (!bytes[4..8].SequenceEqual(Version)) throw CompileException.Malformed("unknown binary version", 4);
    }

    /// <summary>Section ids in the order the binary format requires (custom sections excepted).</summary>
    private static int OrderOf(byte id) => id switch
    {
        12 => 10,
        10 => 11,
        11 => 12,
        _ => id,
    };

    private static string NameOf(byte id) => id switch
    {
        0 => "custom",
        1 => "type",
        2 => "import",
        3 => "function",
        4 => "table",
        5 => "memory",
        6 => "global",
        7 => "export",
        8 => "start",
        9 => "element",
        10 => "code",
        11 => "data",
        _ => "data count",
    };

    private sealed class ModuleBuilder(byte[] bytes)
    {
        private readonly List<string> customSections = [];
        private readonly InstructionScanner scanner = new();
        private readonly int[] sectionOffsets = new int[13];
        private ImmutableArray<FunctionType> types = [];
        private ImmutableArray<Import> imports = [];
        private uint[] definedFunctionTypes = [];
        private TableType[] definedTables = [];
        private MemoryType[] definedMemories = [];
        private GlobalDefinition[] definedGlobals = [];
        private ImmutableArray<Export> exports = [];
        private uint? start;
        private ImmutableArray<ElementSegment> elements = [];
        private uint? dataCount;
        private FunctionBody[]? code;
        private int codeSectionOffset;
        private ImmutableArray<DataSegment> data = [];
        private bool hasDataSection;
        private int dataSectionOffset;
        private IReadOnlyDictionary<uint, string> functionNames = new Dictionary<uint, string>();

        public ModuleDefinition Build()
        {
            var module = new CodeReader(bytes, 0, "module") { Position = 8 };
            var lastOrder = 0;
            while (!module.AtEnd)
            {
                var idOffset = module.Offset;
                var id = module.ReadByte();
                if (id > 12) throw module.ErrorAt($"malformed section id {id}", idOffset);
                var size = module.ReadCount();
                var contentOffset = module.Offset;
                var name = NameOf(id);
                if (id != 0)
                {
                    var order = OrderOf(id);
                    if (order <= lastOrder)
                    {
                        throw CompileException.Malformed("unexpected content after last section", idOffset, name);
                    }

                    lastOrder = order;
                    sectionOffsets[id] = contentOffset;
                }

                // Section contents are read against the rest of the module, so reading past the declared size is
                // reported as a size mismatch rather than a truncation.
                var reader = new CodeReader(bytes.AsSpan(contentOffset), contentOffset, name);
                ReadSection(id, ref reader, size);
                if (reader.Position != size)
                {
                    throw CompileException.Malformed("section size mismatch", contentOffset + size, name);
                }

                module.Position = contentOffset + size;
            }

            return Finish();
        }

        private void ReadSection(byte id, ref CodeReader reader, int size)
        {
            switch (id)
            {
                case 0: ReadCustom(ref reader, size); break;
                case 1: types = ReadVector(ref reader, static (ref CodeReader r) => EntityReader.ReadFunctionType(ref r)); break;
                case 2: imports = ReadVector(ref reader, ReadImport); break;
                case 3:
                    definedFunctionTypes = [.. ReadVector(ref reader, static (ref CodeReader r) => r.ReadU32())];
                    break;
                case 4: definedTables = [.. ReadVector(ref reader, static (ref CodeReader r) => EntityReader.ReadTableType(ref r))]; break;
                case 5: definedMemories = [.. ReadVector(ref reader, static (ref CodeReader r) => EntityReader.ReadMemoryType(ref r))]; break;
                case 6: definedGlobals = [.. ReadVector(ref reader, ReadGlobal)]; break;
                case 7: exports = ReadVector(ref reader, ReadExport); break;
                case 8: start = reader.ReadU32(); break;
                case 9: elements = ReadVector(ref reader, static (ref CodeReader r) => SegmentReader.ReadElement(ref r)); break;
                case 10:
                    codeSectionOffset = reader.Offset;
                    code = [.. ReadVector(ref reader, ReadBody)];
                    break;
                case 11:
                    hasDataSection = true;
                    dataSectionOffset = reader.Offset;
                    data = ReadVector(ref reader, (ref CodeReader r) => SegmentReader.ReadData(ref r, bytes));
                    break;
                default: dataCount = reader.ReadU32(); break;
            }
        }

        private delegate T ItemReader<T>(ref CodeReader reader);

        private static ImmutableArray<T> ReadVector<T>(ref CodeReader reader, ItemReader<T> readItem)
        {
            var count = reader.ReadCount();
            var items = new T[count];
            for (var i = 0; i < items.Length; i++) items[i] = readItem(ref reader);
            return ImmutableCollectionsMarshal.AsImmutableArray(items);
        }

        private void ReadCustom(ref CodeReader reader, int size)
        {
            var name = EntityReader.ReadName(ref reader);
            var payloadLength = size - reader.Position;
            if (payloadLength < 0) throw reader.Error("unexpected end of section or function");
            var payloadOffset = reader.Offset;
            var payload = reader.ReadBytes(payloadLength);
            customSections.Add(name);
            if (name == "name") functionNames = NameSectionReader.ReadFunctionNames(payload, payloadOffset);
        }

        private static Import ReadImport(ref CodeReader reader)
        {
            var moduleName = EntityReader.ReadName(ref reader);
            var name = EntityReader.ReadName(ref reader);
            var kindOffset = reader.Offset;
            var kind = reader.ReadByte();
            return kind switch
            {
                0 => new Import(moduleName, name, ExternalKind.Function, FunctionTypeIndex: reader.ReadU32()),
                1 => new Import(moduleName, name, ExternalKind.Table, Table: EntityReader.ReadTableType(ref reader)),
                2 => new Import(moduleName, name, ExternalKind.Memory, Memory: EntityReader.ReadMemoryType(ref reader)),
                3 => new Import(moduleName, name, ExternalKind.Global, Global: EntityReader.ReadGlobalType(ref reader)),
                _ => throw reader.ErrorAt($"malformed import kind {kind}", kindOffset),
            };
        }

        private static GlobalDefinition ReadGlobal(ref CodeReader reader)
        {
            var type = EntityReader.ReadGlobalType(ref reader);
            return new GlobalDefinition(type, EntityReader.ReadConstantExpression(ref reader));
        }

        private static Export ReadExport(ref CodeReader reader)
        {
            var name = EntityReader.ReadName(ref reader);
            var kindOffset = reader.Offset;
            var kind = reader.ReadByte();
            if (kind > 3) throw reader.ErrorAt($"malformed export kind {kind}", kindOffset);
            return new Export(name, (ExternalKind)kind, reader.ReadU32());
        }

        private FunctionBody ReadBody(ref CodeReader reader)
        {
            var size = reader.ReadCount();
            var bodyStart = reader.Position;
            var runCount = reader.ReadCount(2);
            var runs = new LocalRun[runCount];
            long total = 0;
            for (var i = 0; i < runs.Length; i++)
            {
                var countOffset = reader.Offset;
                var count = reader.ReadU32();
                total += count;
                if (total > FunctionBody.MaxLocals) throw reader.ErrorAt("too many locals", countOffset);
                runs[i] = new LocalRun(count, reader.ReadValType());
            }

            var codeStart = reader.Position;
            var codeOffset = reader.Offset;
            scanner.ScanBody(ref reader);
            if (reader.Position != bodyStart + size) throw reader.Error("section size mismatch");
            return new FunctionBody(ImmutableCollectionsMarshal.AsImmutableArray(runs), (int)total, codeOffset,
                reader.Position - codeStart);
        }

        private ModuleDefinition Finish()
        {
            var definedCode = code ?? [];
            if (definedFunctionTypes.Length != definedCode.Length)
            {
                throw CompileException.Malformed("function and code section have inconsistent lengths",
                    codeSectionOffset, "code");
            }

            if (scanner.UsesDataIndices && dataCount is null && hasDataSection)
            {
                // Without a data section, data indices are simply out of range, which validation reports.
                throw CompileException.Malformed("data count section required", codeSectionOffset, "code");
            }

            if (dataCount is { } declared && declared != (uint)data.Length)
            {
                throw CompileException.Malformed("data count and data section have inconsistent lengths",
                    dataSectionOffset, "data");
            }

            var functions = new List<uint>();
            var tables = new List<TableType>();
            var memories = new List<MemoryType>();
            var globals = new List<GlobalType>();
            foreach (var import in imports)
            {
                switch (import.Kind)
                {
                    case ExternalKind.Function: functions.Add(import.FunctionTypeIndex); break;
                    case ExternalKind.Table: tables.Add(import.Table); break;
                    case ExternalKind.Memory: memories.Add(import.Memory); break;
                    default: globals.Add(import.Global); break;
                }
            }

            var importedFunctions = functions.Count;
            var importedTables = tables.Count;
            var importedMemories = memories.Count;
            var importedGlobals = globals.Count;
            functions.AddRange(definedFunctionTypes);
            tables.AddRange(definedTables);
            memories.AddRange(definedMemories);
            foreach (var global in definedGlobals) globals.Add(global.Type);

            return new ModuleDefinition
            {
                Bytes = bytes,
                Types = types,
                Imports = imports,
                FunctionTypeIndices = [.. functions],
                ImportedFunctionCount = importedFunctions,
                Tables = [.. tables],
                ImportedTableCount = importedTables,
                Memories = [.. memories],
                ImportedMemoryCount = importedMemories,
                Globals = [.. globals],
                ImportedGlobalCount = importedGlobals,
                GlobalDefinitions = ImmutableCollectionsMarshal.AsImmutableArray(definedGlobals),
                Exports = exports,
                Start = start,
                Elements = elements,
                DataCount = dataCount,
                Code = ImmutableCollectionsMarshal.AsImmutableArray(definedCode),
                Data = data,
                CustomSectionNames = [.. customSections],
                FunctionNames = functionNames,
                SectionOffsets = [.. sectionOffsets],
            };
        }
    }
}
