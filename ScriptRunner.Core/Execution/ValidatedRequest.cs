using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Execution;

/// <summary>
/// A request that passed validation: where its code comes from, what the caller said about it, and the job it becomes
/// once the code is obtained (inputs and limits already in place, defaults applied).
/// </summary>
/// <param name="Url">Where the code comes from; null when it is inline.</param>
/// <param name="InlineCode">Inline code bytes (UTF-8 of <c>code</c>, or decoded <c>codeBase64</c>); null for a URL.</param>
/// <param name="TypeHint">The code type the caller named; null means detect.</param>
/// <param name="Engine">The engine the caller named; null means the configured default for the code type.</param>
/// <param name="Sha256">Lower-case hex digest the code must match, when pinned.</param>
/// <param name="Job">The job without its code, code type and engine.</param>
internal sealed record ValidatedRequest(Uri? Url, byte[]? InlineCode, CodeType? TypeHint, string? Engine, string? Sha256, SandboxJob Job);
