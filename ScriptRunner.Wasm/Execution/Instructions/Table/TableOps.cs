using WasmTable = ScriptRunner.Wasm.Table;

namespace ScriptRunner.Wasm.Execution.Instructions.Table;

/// <summary>Table instructions (operands in stack order, then the table(s) and context).</summary>
internal static class TableOps
{
    public static object? Get(int index, WasmTable table)
    {
        if ((uint)index >= table.Count)
        {
            throw Traps.TableOutOfBounds();
        }

        return table.Elements[index];
    }

    public static void Set(int index, object? value, WasmTable table)
    {
        if ((uint)index >= table.Count)
        {
            throw Traps.TableOutOfBounds();
        }

        table.Elements[index] = value;
    }

    public static int Size(WasmTable table) => (int)table.Count;

    public static int Grow(object? init, int delta, WasmTable table) => table.GrowCore((uint)delta, init);

    public static void Fill(int start, object? value, int count, WasmTable table)
    {
        CheckRange(start, count, table.Count);
        Array.Fill(table.Elements, value, start, count);
    }

    public static void Copy(int destination, int source, int count, WasmTable target, WasmTable origin)
    {
        CheckRange(destination, count, target.Count);
        CheckRange(source, count, origin.Count);
        Array.Copy(origin.Elements, source, target.Elements, destination, count);
    }

    public static void Init(int destination, int source, int count, WasmTable table, int segment, InstanceContext context)
    {
        var elements = context.Elements[segment];
        CheckRange(source, count, (uint)elements.Length);
        CheckRange(destination, count, table.Count);
        Array.Copy(elements, source, table.Elements, destination, count);
    }

    public static void DropElements(int segment, InstanceContext context) => context.Elements[segment] = [];

    private static void CheckRange(int start, int count, uint length)
    {
        if ((ulong)(uint)start + (uint)count > length)
        {
            throw Traps.TableOutOfBounds();
        }
    }
}
