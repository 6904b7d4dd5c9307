using System.Collections.Frozen;

namespace PaaS.Core.Protobuf;

/// <summary>The finished, read-only schema: messages by name and the kinds a request body may carry.</summary>
internal sealed class CompiledSchema(
    FrozenDictionary<string, ProtoMessage> messages,
    FrozenDictionary<(string ApiVersion, string Kind), ProtoMessage> kinds)
{
    public FrozenDictionary<string, ProtoMessage> Messages { get; } = messages;

    public FrozenDictionary<(string ApiVersion, string Kind), ProtoMessage> Kinds { get; } = kinds;
}
