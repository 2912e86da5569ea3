using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Core.Hosting;

/// <summary>Output caps bound what the answer carries: bytes after JSON escaping, text always encodable.</summary>
public sealed class OutputCaptureTests
{
    private static OutputCapture Capture(int stdout = 1000, int stderr = 1000, int logs = 10, int logBytes = 100, IOutputSink? sink = null) =>
        new(stdout, stderr, logs, logBytes, TimeProvider.System, sink);

    [Fact]
    public void PlainText_CountsOneBytePerCharacter()
    {
        var capture = Capture(stdout: 5);
        capture.WriteStdout("hello world");

        Assert.Equal("hello", capture.Stdout);
        Assert.True(capture.Truncated.Stdout);
    }

    [Fact]
    public void ControlCharacters_CountAsTheSixBytesTheirEscapesTake()
    {
        var capture = Capture(stdout: 60);
        capture.WriteStdout(new string('\u0001', 100));

        Assert.Equal(10, capture.Stdout.Length);
        Assert.True(capture.Truncated.Stdout);
    }

    [Theory]
    [InlineData("a", 1)]
    [InlineData("\"", 2)]
    [InlineData("\n", 2)]
    [InlineData("\u0001", 6)]
    [InlineData("é", 2)]
    [InlineData("€", 3)]
    [InlineData("<", 1)]
    [InlineData("\u2028", 6)]
    [InlineData("\ud83d\ude00", 4)]
    public void Text_IsCountedAsItsEscapedForm(string text, long bytes)
    {
        Assert.Equal(bytes, JsonTextSize.Of(text));
    }

    [Fact]
    public void LoneSurrogate_IsReplaced_SoTheAnswerCanBeEncoded()
    {
        var capture = Capture();
        capture.WriteStdout("a\ud800b\udc00c\ud83d\ude00");

        Assert.Equal("a\uFFFDb\uFFFDc\ud83d\ude00", capture.Stdout);
    }

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        var capture = Capture(stdout: 2);
        capture.WriteStdout("\ud83d\ude00\ud83d\ude00");

        Assert.Equal("", capture.Stdout);
        Assert.True(capture.Truncated.Stdout);
    }

    [Fact]
    public void InvalidUtf8_BecomesReplacementCharacters()
    {
        var capture = Capture();
        capture.WriteStdout([0x61, 0xFF, 0x62]);

        Assert.Equal("a\uFFFDb", capture.Stdout);
    }

    [Fact]
    public void HugeByteWrite_DecodesOnlyWhatCanFit()
    {
        var capture = Capture(stdout: 10);
        capture.WriteStdout(new byte[50_000_000]);

        Assert.Equal(1, capture.Stdout.Length);
        Assert.True(capture.Truncated.Stdout);
    }

    [Fact]
    public void LogMessage_IsClippedToItsEscapedCap_AndFlagged()
    {
        var capture = Capture(logBytes: 12);
        capture.Log("info", "\n\n\n\n\n\n\n\n");

        Assert.Equal("\n\n\n\n\n\n", capture.Logs.Single().Message);
        Assert.True(capture.Truncated.Logs);
    }

    [Fact]
    public void Sink_SeesWhatIsKept_AndEachCut_Once()
    {
        var sink = new RecordingSink();
        var capture = Capture(stdout: 4, sink: sink);

        capture.WriteStdout("abc");
        capture.WriteStdout("def");
        capture.WriteStdout("ghi");
        capture.Log("warning", "careful");

        Assert.Equal(["stdout:abc", "stdout:d", "cut:Stdout", "log:warn:careful"], sink.Events);
    }

    [Fact]
    public void RelayedCut_MarksTheStream()
    {
        var capture = Capture();
        capture.MarkTruncated(OutputStream.Stderr);

        Assert.Equal(new TruncationFlags(false, true, false), capture.Truncated);
    }

    [Fact]
    public void LogMessages_AreCappedAllTogether_AndTheCutIsFlagged()
    {
        var capture = new OutputCapture(1000, 1000, maxLogEntries: 1000, maxLogMessageBytes: 16 * 1024, maxLogBytes: 40 * 1024);

        for (var i = 0; i < 5; i++) capture.Log("info", new string('x', 16 * 1024));

        Assert.Equal([16 * 1024, 16 * 1024, 8 * 1024], capture.Logs.Select(l => l.Message.Length));
        Assert.True(capture.Truncated.Logs);
    }

    [Fact]
    public void LogMessages_UnderTheTotalCap_AreKeptWhole()
    {
        var capture = OutputCapture.For(new ScriptRunner.Core.Options.OutputOptions());

        for (var i = 0; i < 60; i++) capture.Log("info", new string('x', 16 * 1024));

        Assert.Equal(60, capture.Logs.Count);
        Assert.False(capture.Truncated.Logs);
    }

    [Fact]
    public void ThousandLogEntriesOfSixteenKilobytes_StayWithinTheDefaultOneMegabyte()
    {
        var capture = OutputCapture.For(new ScriptRunner.Core.Options.OutputOptions());

        for (var i = 0; i < 1000; i++) capture.Log("info", new string('x', 16 * 1024));

        Assert.Equal(1024 * 1024, capture.Logs.Sum(l => l.Message.Length));
        Assert.True(capture.Truncated.Logs);
    }

    private sealed class RecordingSink : IOutputSink
    {
        public List<string> Events { get; } = [];

        public void Text(OutputStream stream, string text) => Events.Add($"{stream.ToString().ToLowerInvariant()}:{text}");

        public void Log(LogEntry entry) => Events.Add($"log:{entry.Level}:{entry.Message}");

        public void Truncated(OutputStream stream) => Events.Add($"cut:{stream}");
    }
}
