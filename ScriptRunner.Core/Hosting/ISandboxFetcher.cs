namespace ScriptRunner.Core.Hosting;

/// <summary>The fetch policy of one execution: allowed hosts, private-address refusal, count, size and time caps.</summary>
public interface ISandboxFetcher
{
    /// <summary>Sends the request synchronously; throws <see cref="SandboxFetchException"/> on refusal or failure.</summary>
    SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken);
}
