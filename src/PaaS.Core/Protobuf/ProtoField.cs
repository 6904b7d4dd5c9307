namespace PaaS.Core.Protobuf;

/// <summary>One field of a schema message.</summary>
/// <param name="Number">The protobuf field number.</param>
/// <param name="JsonName">The Kubernetes JSON property name; unused for <see cref="FieldShape.Inline"/>.</param>
/// <param name="Type">The value type; for maps, the type of the entry values (keys are always strings).</param>
/// <param name="Shape">Single, repeated, map or inline.</param>
/// <param name="MessageName">The nested message's schema name when <paramref name="Type"/> is <see cref="ProtoType.Message"/>.</param>
/// <param name="Zero">Whether a single scalar's zero value appears in the JSON; other fields always keep what was sent.</param>
internal sealed record ProtoField(
    int Number,
    string JsonName,
    ProtoType Type,
    FieldShape Shape,
    string? MessageName = null,
    ZeroValue Zero = ZeroValue.Keep)
{
    /// <summary>The wire type this field's values arrive with (repeated scalars may also come packed).</summary>
    public WireType ExpectedWireType => Type is ProtoType.Bool or ProtoType.Int32 or ProtoType.Int64 && Shape != FieldShape.Map
        ? WireType.Varint
        : WireType.LengthDelimited;
}
