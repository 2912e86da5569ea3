namespace ScriptRunner.Core.Fetching;

/// <summary>Downloads the code an execution runs.</summary>
public interface ICodeFetcher
{
    /// <summary>
    /// Downloads <paramref name="url"/>. Throws <see cref="CodeDownloadException"/> for every download failure, and
    /// <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<FetchedCode> FetchAsync(Uri url, CancellationToken cancellationToken = default);
}
