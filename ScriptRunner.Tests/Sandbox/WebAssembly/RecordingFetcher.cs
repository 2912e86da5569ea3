using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>
/// A fetch policy answering from a function, recording each request: sandbox-level tests exercise the Wasm fetch ABI
/// with it; the real policy over HTTP is covered end to end.
/// </summary>
internal sealed class RecordingFetcher(Func<SandboxFetchRequest, SandboxFetchResponse> answer) : ISandboxFetcher
{
    public List<SandboxFetchRequest> Requests { get; } = [];

    public SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return answer(request);
    }

    /// <summary>A fetcher that must not be reached.</summary>
    public static RecordingFetcher Unreachable() =>
        new(_ => throw new InvalidOperationException("this test does not fetch"));
}
