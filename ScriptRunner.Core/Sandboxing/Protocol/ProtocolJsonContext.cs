using System.Text.Json;
using System.Text.Json.Serialization;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Core.Sandboxing.Protocol;

/// <summary>
/// Serialization code for the protocol's messages, generated at build time: a starting sandbox process reads its
/// configuration without first building JSON metadata by reflection, which costs a cold process about 100 ms.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 256)]
[JsonSerializable(typeof(ScriptRunnerOptions))]
[JsonSerializable(typeof(Execution.SandboxJob))]
[JsonSerializable(typeof(ReadyMessage))]
[JsonSerializable(typeof(IdleMessage))]
[JsonSerializable(typeof(OutcomeMessage))]
[JsonSerializable(typeof(LogEntry))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
