using System.Diagnostics;
using System.Runtime.InteropServices;
using ScriptRunner.Core.Sandboxing;

namespace ScriptRunner.Tests.Core.Sandboxing;

/// <summary>Resident-size readings from an open <c>/proc/&lt;pid&gt;/statm</c>: fresh on every read, null once the process is gone.</summary>
public sealed class ResidentMemoryTests
{
    [Fact]
    public void Reading_IsFreshEachTime_FromTheSameOpenFile()
    {
        using var memory = ResidentMemory.OfSelf();
        var before = memory.Read()!.Value;

        var block = Marshal.AllocHGlobal(64 * 1024 * 1024);
        try
        {
            unsafe { new Span<byte>((void*)block, 64 * 1024 * 1024).Fill(1); }
            var after = memory.Read()!.Value;

            Assert.True(after - before >= 48L * 1024 * 1024, $"resident grew by {(after - before) >> 20} MB after touching 64 MB");
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }

    [Fact]
    public void Reading_AnotherProcess_MatchesItsOwnFigure()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            using var memory = ResidentMemory.Of(child.Id);

            var bytes = memory.Read();

            Assert.InRange(bytes!.Value, 1, 256L * 1024 * 1024);
        }
        finally
        {
            child.Kill();
        }
    }

    [Fact]
    public void Reading_AProcessThatHasEnded_IsNull()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        using var memory = ResidentMemory.Of(child.Id);
        child.Kill();
        child.WaitForExit();

        Assert.Null(memory.Read());
    }

    [Fact]
    public void Reading_AProcessThatNeverExisted_IsNull()
    {
        using var memory = ResidentMemory.Of(int.MaxValue);

        Assert.Null(memory.Read());
    }
}
