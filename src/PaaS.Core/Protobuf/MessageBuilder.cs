namespace PaaS.Core.Protobuf;

/// <summary>
/// The schema DSL for one message: one call per field, named after what the field holds, so a schema file
/// reads like the wire format it describes ("field 2 is the string image").
/// </summary>
internal sealed class MessageBuilder(string name)
{
    private readonly Dictionary<int, ProtoField> fields = [];

    public string Name { get; } = name;

    public IReadOnlyDictionary<int, ProtoField> Fields => fields;

    public MessageBuilder String(int number, string json, ZeroValue zero = ZeroValue.Omit) =>
        Add(number, json, ProtoType.String, FieldShape.Single, zero: zero);

    public MessageBuilder Strings(int number, string json) => Add(number, json, ProtoType.String, FieldShape.Repeated);

    public MessageBuilder Bytes(int number, string json, ZeroValue zero = ZeroValue.Omit) =>
        Add(number, json, ProtoType.Bytes, FieldShape.Single, zero: zero);

    public MessageBuilder Bool(int number, string json, ZeroValue zero = ZeroValue.Omit) =>
        Add(number, json, ProtoType.Bool, FieldShape.Single, zero: zero);

    public MessageBuilder Int32(int number, string json, ZeroValue zero = ZeroValue.Omit) =>
        Add(number, json, ProtoType.Int32, FieldShape.Single, zero: zero);

    public MessageBuilder Int64(int number, string json, ZeroValue zero = ZeroValue.Omit) =>
        Add(number, json, ProtoType.Int64, FieldShape.Single, zero: zero);

    public MessageBuilder Int64s(int number, string json) => Add(number, json, ProtoType.Int64, FieldShape.Repeated);

    public MessageBuilder Time(int number, string json) => Add(number, json, ProtoType.Time, FieldShape.Single);

    public MessageBuilder MicroTime(int number, string json) => Add(number, json, ProtoType.MicroTime, FieldShape.Single);

    public MessageBuilder Quantity(int number, string json) => Add(number, json, ProtoType.Quantity, FieldShape.Single);

    public MessageBuilder IntOrString(int number, string json) => Add(number, json, ProtoType.IntOrString, FieldShape.Single);

    public MessageBuilder RawJson(int number, string json) => Add(number, json, ProtoType.RawJson, FieldShape.Single);

    public MessageBuilder StringMap(int number, string json) => Add(number, json, ProtoType.String, FieldShape.Map);

    public MessageBuilder BytesMap(int number, string json) => Add(number, json, ProtoType.Bytes, FieldShape.Map);

    /// <summary>A map of resource names to quantities: Kubernetes' ResourceList (limits, requests, capacity, hard...).</summary>
    public MessageBuilder QuantityMap(int number, string json) => Add(number, json, ProtoType.Quantity, FieldShape.Map);

    public MessageBuilder Message(int number, string json, string message) =>
        Add(number, json, ProtoType.Message, FieldShape.Single, message);

    public MessageBuilder Messages(int number, string json, string message) =>
        Add(number, json, ProtoType.Message, FieldShape.Repeated, message);

    /// <summary>A Go-embedded struct whose JSON properties belong to this message's object.</summary>
    public MessageBuilder Inline(int number, string message) =>
        Add(number, string.Empty, ProtoType.Message, FieldShape.Inline, message);

    private MessageBuilder Add(int number, string json, ProtoType type, FieldShape shape, string? message = null, ZeroValue zero = ZeroValue.Keep)
    {
        // A duplicated number would silently shadow a field; fail while the schema is being built instead.
        if (!fields.TryAdd(number, new ProtoField(number, json, type, shape, message, zero)))
        {
            throw new InvalidOperationException($"{Name} declares field {number} twice");
        }

        return this;
    }
}
