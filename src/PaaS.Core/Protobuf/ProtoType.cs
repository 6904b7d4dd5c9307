namespace PaaS.Core.Protobuf;

/// <summary>
/// What a schema field holds on the wire and how it becomes JSON. Besides plain scalars and nested messages this
/// names the apimachinery types whose JSON form is not their protobuf shape (a time is a string, not {seconds, nanos}).
/// </summary>
internal enum ProtoType
{
    /// <summary>UTF-8 string; an empty single value is omitted, as Go's <c>omitempty</c> does.</summary>
    String,

    /// <summary>Raw bytes, written to JSON as base64 like Go's <c>[]byte</c>.</summary>
    Bytes,

    Bool,

    Int32,

    Int64,

    /// <summary>A nested message described by the schema.</summary>
    Message,

    /// <summary>meta/v1 Time: {1 seconds, 2 nanos} → RFC 3339 with whole seconds.</summary>
    Time,

    /// <summary>meta/v1 MicroTime: {1 seconds, 2 nanos} → RFC 3339 with microseconds.</summary>
    MicroTime,

    /// <summary>resource.Quantity: {1 string} → that string.</summary>
    Quantity,

    /// <summary>intstr.IntOrString: {1 type, 2 intVal, 3 strVal} → a JSON number or string.</summary>
    IntOrString,

    /// <summary>meta/v1 FieldsV1: {1 raw} where raw is already JSON text.</summary>
    RawJson,
}
