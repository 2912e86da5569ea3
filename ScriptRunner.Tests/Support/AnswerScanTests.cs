namespace ScriptRunner.Tests.Support;

/// <summary>The scan every harness applies to error answers finds .NET names and nothing else.</summary>
public sealed class AnswerScanTests
{
    [Theory]
    [InlineData("internal error: System.OutOfMemoryException was thrown")]
    [InlineData("a host function failed: IOException: disk failure")]
    [InlineData("Exception of type 'x' was thrown")]
    [InlineData("at System.Text.Json.JsonDocument.Parse")]
    public void DotNetNames_AreFound(string answer) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AnswerScan.AssertNoDotNetNames(answer));

    [Theory]
    [InlineData("memory limit of 128 MB exceeded")]
    [InlineData("AbortError: DOMException: The operation was aborted")]
    [InlineData("TypeError: the operating System.is not a type")]
    [InlineData("RangeError: Maximum call stack size exceeded")]
    public void PlainAnswers_Pass(string answer) => AnswerScan.AssertNoDotNetNames(answer);
}
