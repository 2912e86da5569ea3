using ScriptRunner.Core.Execution;

namespace ScriptRunner.Functions.Handlers;

/// <summary>How reading a request body ended: the whole body, too large, or refused at a limit before its end.</summary>
internal sealed class BodyRead : IDisposable
{
    private BodyRead(BodyBuffer? body, bool tooLarge, InvalidRequestException? refusal)
    {
        Body = body;
        TooLarge = tooLarge;
        Refusal = refusal;
    }

    /// <summary>The whole body, when it was read to its end within the limits.</summary>
    public BodyBuffer? Body { get; }

    /// <summary>The body is over the size limit; reading stopped at the first byte past it.</summary>
    public bool TooLarge { get; }

    /// <summary>A field is past its limit; reading stopped there.</summary>
    public InvalidRequestException? Refusal { get; }

    public static BodyRead Complete(BodyBuffer body) => new(body, false, null);

    public static BodyRead OverSize() => new(null, true, null);

    public static BodyRead Refused(InvalidRequestException refusal) => new(null, false, refusal);

    public void Dispose() => Body?.Dispose();
}
