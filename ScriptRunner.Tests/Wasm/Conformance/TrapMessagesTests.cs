using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>How the harness decides that a trap is the one a script expects.</summary>
public sealed class TrapMessagesTests
{
    [Fact]
    public void ExpectedText_WithDetailSuffix_MatchesTrapOfThatKind()
    {
        var trap = new TrapException(TrapKind.UninitializedElement);
        Assert.True(TrapMessages.Matches("uninitialized element 2", trap));
    }

    [Fact]
    public void ExpectedText_OfAnotherKind_DoesNotMatch()
    {
        var trap = new TrapException(TrapKind.UninitializedElement);
        Assert.False(TrapMessages.Matches("undefined element", trap));
    }

    [Fact]
    public void CallStackExhausted_MatchesExhaustionTrap()
    {
        Assert.True(TrapMessages.Matches("call stack exhausted", new TrapException(TrapKind.CallStackExhausted)));
        Assert.False(TrapMessages.Matches("call stack exhausted", new TrapException(TrapKind.Timeout)));
    }
}
