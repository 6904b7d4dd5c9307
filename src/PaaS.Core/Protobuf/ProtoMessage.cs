using System.Collections.Frozen;

namespace PaaS.Core.Protobuf;

/// <summary>A schema message: its OpenAPI-style name (used in error messages) and its fields by number.</summary>
internal sealed class ProtoMessage(string name, FrozenDictionary<int, ProtoField> fields)
{
    public string Name { get; } = name;

    public FrozenDictionary<int, ProtoField> Fields { get; } = fields;
}
