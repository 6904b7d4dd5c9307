using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaaS.Core.Protobuf;

/// <summary>
/// Walks protobuf wire data with a <see cref="ProtoMessage"/> from <see cref="ProtobufSchema"/> and writes the
/// Kubernetes JSON form of each field into a <see cref="JsonObject"/>.
/// </summary>
internal static class ProtobufDecoder
{
    private const string TimeName = "io.k8s.apimachinery.pkg.apis.meta.v1.Time";
    private const string MicroTimeName = "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime";
    private const string QuantityName = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private const string IntOrStringName = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private const string FieldsV1Name = "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1";

    // The schema has no recursive messages, so real objects stay far below this; the limit only stops
    // hostile input from nesting inline fields until the stack runs out.
    private const int MaxDepth = 64;

    // Go's zero time.Time (0001-01-01T00:00:00Z) as Unix seconds: what an unset non-pointer Time would carry.
    private const long GoZeroTimeSeconds = -62135596800;
    private const long MaxRfc3339Seconds = 253402300799; // 9999-12-31T23:59:59Z

    public static void DecodeInto(JsonObject target, ProtoMessage message, ProtobufReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ProtobufFormatException($"{message.Name} is nested more than {MaxDepth} messages deep");
        }

        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (!message.Fields.TryGetValue(number, out var field))
            {
                throw UnknownField(number, wire, message.Name);
            }

            switch (field.Shape)
            {
                case FieldShape.Single:
                    DecodeSingle(target, message, field, wire, ref reader, depth);
                    break;
                case FieldShape.Repeated:
                    DecodeRepeated(target, message, field, wire, ref reader, depth);
                    break;
                case FieldShape.Map:
                    ExpectWireType(message, field, wire, WireType.LengthDelimited);
                    DecodeMapEntry(GetOrAddObject(target, field.JsonName), message, field, reader.ReadLengthDelimited(), depth);
                    break;
                case FieldShape.Inline:
                    ExpectWireType(message, field, wire, WireType.LengthDelimited);
                    DecodeInto(target, Resolve(field), reader.ReadLengthDelimited(), depth + 1);
                    break;
                default:
                    throw new InvalidOperationException($"unhandled field shape {field.Shape}");
            }
        }
    }

    public static ProtobufFormatException UnknownField(int number, WireType wire, string messageName) =>
        new($"field {number} (wire type {(int)wire}) is not part of {messageName}");

    private static void DecodeSingle(JsonObject target, ProtoMessage message, ProtoField field, WireType wire, ref ProtobufReader reader, int depth)
    {
        ExpectWireType(message, field, wire, field.ExpectedWireType);
        if (field.Type == ProtoType.Message)
        {
            // Protobuf merges repeated occurrences of a message field; Go never splits one, but merging is the
            // reading every protobuf library agrees on.
            DecodeInto(GetOrAddObject(target, field.JsonName), Resolve(field), reader.ReadLengthDelimited(), depth + 1);
            return;
        }

        var value = ReadValue(message, field, ref reader, depth);
        // Unset times arrive as empty messages and come back as null; Go writes null, we leave them out.
        // gogo-protobuf writes non-pointer scalars even when zero, where Go's JSON drops them (omitempty).
        if (value is null || (field.Zero == ZeroValue.Omit && IsZero(field.Type, value)))
        {
            return;
        }

        target[field.JsonName] = value;
    }

    private static bool IsZero(ProtoType type, JsonNode value) => type switch
    {
        ProtoType.String or ProtoType.Bytes => value.GetValue<string>().Length == 0,
        ProtoType.Bool => !value.GetValue<bool>(),
        ProtoType.Int32 => value.GetValue<int>() == 0,
        ProtoType.Int64 => value.GetValue<long>() == 0,
        _ => false,
    };

    private static void DecodeRepeated(JsonObject target, ProtoMessage message, ProtoField field, WireType wire, ref ProtobufReader reader, int depth)
    {
        var array = GetOrAddArray(target, field.JsonName);
        if (field.ExpectedWireType == WireType.Varint && wire == WireType.LengthDelimited)
        {
            // Packed encoding: gogo writes Kubernetes' proto2 repeated numbers unpacked, but a proto3-minded
            // client may pack them, and a reader must accept both.
            var packed = reader.ReadLengthDelimited();
            while (!packed.AtEnd)
            {
                array.Add(ReadValue(message, field, ref packed, depth));
            }

            return;
        }

        ExpectWireType(message, field, wire, field.ExpectedWireType);
        // Unlike single fields, empty strings stay: ["", "x"] as args is a different command from ["x"].
        array.Add(ReadValue(message, field, ref reader, depth) ?? throw new ProtobufFormatException(
            $"field {field.Number} of {message.Name} ({field.JsonName}) holds an empty {field.Type}, which JSON cannot list"));
    }

    private static void DecodeMapEntry(JsonObject map, ProtoMessage message, ProtoField field, ProtobufReader entry, int depth)
    {
        var key = string.Empty;
        JsonNode? value = null;
        while (!entry.AtEnd)
        {
            var (number, wire) = entry.ReadTag();
            switch (number)
            {
                case 1:
                    ExpectWireType(message, field, wire, WireType.LengthDelimited);
                    key = entry.ReadString();
                    break;
                case 2:
                    ExpectWireType(message, field, wire, field.Type is ProtoType.Bool or ProtoType.Int32 or ProtoType.Int64 ? WireType.Varint : WireType.LengthDelimited);
                    value = ReadValue(message, field, ref entry, depth);
                    break;
                default:
                    throw UnknownField(number, wire, $"the {field.JsonName} map entry of {message.Name}");
            }
        }

        // A missing value is Go's zero value; unlike single fields an empty string is kept, since
        // "label: ''" is a real label.
        map[key] = value ?? field.Type switch
        {
            ProtoType.Quantity => JsonValue.Create("0"),
            ProtoType.String or ProtoType.Bytes => JsonValue.Create(string.Empty),
            _ => throw new ProtobufFormatException($"the {field.JsonName} map entry \"{key}\" of {message.Name} has no value"),
        };
    }

    private static JsonNode? ReadValue(ProtoMessage message, ProtoField field, ref ProtobufReader reader, int depth)
    {
        switch (field.Type)
        {
            case ProtoType.String:
                return JsonValue.Create(reader.ReadString());
            case ProtoType.Bytes:
                return JsonValue.Create(Convert.ToBase64String(reader.ReadBytes()));
            case ProtoType.Bool:
                return JsonValue.Create(reader.ReadVarint() != 0);
            case ProtoType.Int32:
                // Go truncates to 32 bits; negative int32s arrive sign-extended to ten bytes.
                return JsonValue.Create(unchecked((int)reader.ReadVarint()));
            case ProtoType.Int64:
                return JsonValue.Create(unchecked((long)reader.ReadVarint()));
            case ProtoType.Message:
                var nested = new JsonObject();
                DecodeInto(nested, Resolve(field), reader.ReadLengthDelimited(), depth + 1);
                return nested;
            case ProtoType.Time:
                return ReadTime(reader.ReadLengthDelimited(), TimeName, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'");
            case ProtoType.MicroTime:
                return ReadTime(reader.ReadLengthDelimited(), MicroTimeName, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'");
            case ProtoType.Quantity:
                return ReadQuantity(reader.ReadLengthDelimited());
            case ProtoType.IntOrString:
                return ReadIntOrString(reader.ReadLengthDelimited());
            case ProtoType.RawJson:
                return ReadRawJson(reader.ReadLengthDelimited());
            default:
                throw new InvalidOperationException($"{message.Name} field {field.Number} has unhandled type {field.Type}");
        }
    }

    private static JsonValue? ReadTime(ProtobufReader reader, string name, string format)
    {
        if (reader.AtEnd)
        {
            // Go's Time.Size() is 0 for the zero time, so an unset creationTimestamp arrives as an empty
            // message; Go's JSON writes null for it, which we leave out.
            return null;
        }

        long seconds = 0;
        long nanos = 0;
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (number is not (1 or 2) || wire != WireType.Varint)
            {
                throw UnknownField(number, wire, name);
            }

            var value = unchecked((long)reader.ReadVarint());
            if (number == 1)
            {
                seconds = value;
            }
            else
            {
                nanos = unchecked((int)value);
            }
        }

        if (seconds == GoZeroTimeSeconds && nanos == 0)
        {
            return null;
        }

        if (seconds is < GoZeroTimeSeconds or > MaxRfc3339Seconds || nanos is < 0 or > 999_999_999)
        {
            throw new ProtobufFormatException($"{name} {{seconds: {seconds}, nanos: {nanos}}} is not a time RFC 3339 can write");
        }

        // Time's JSON keeps whole seconds and MicroTime's keeps microseconds; both truncate, as Go's Format does.
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100);
        return JsonValue.Create(time.UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
    }

    private static JsonValue ReadQuantity(ProtobufReader reader)
    {
        // An empty message is Go's zero Quantity, whose JSON is "0".
        var text = "0";
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (number != 1 || wire != WireType.LengthDelimited)
            {
                throw UnknownField(number, wire, QuantityName);
            }

            var at = reader.Position;
            text = reader.ReadString();
            if (text.Length == 0)
            {
                throw new ProtobufFormatException($"empty {QuantityName} string at byte {at}");
            }
        }

        return JsonValue.Create(text);
    }

    private static JsonValue ReadIntOrString(ProtobufReader reader)
    {
        long type = 0;
        var intValue = 0;
        var stringValue = string.Empty;
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            switch (number, wire)
            {
                case (1, WireType.Varint):
                    type = unchecked((long)reader.ReadVarint());
                    break;
                case (2, WireType.Varint):
                    intValue = unchecked((int)reader.ReadVarint());
                    break;
                case (3, WireType.LengthDelimited):
                    stringValue = reader.ReadString();
                    break;
                default:
                    throw UnknownField(number, wire, IntOrStringName);
            }
        }

        // The type tag, not which value happens to be set, decides: Go writes all three fields every time.
        return type switch
        {
            0 => JsonValue.Create(intValue),
            1 => JsonValue.Create(stringValue),
            _ => throw new ProtobufFormatException($"{IntOrStringName} has type {type}; only 0 (int) and 1 (string) exist"),
        };
    }

    private static JsonNode? ReadRawJson(ProtobufReader reader)
    {
        JsonNode? node = null;
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (number != 1 || wire != WireType.LengthDelimited)
            {
                throw UnknownField(number, wire, FieldsV1Name);
            }

            var at = reader.Position;
            var raw = reader.ReadBytes();
            try
            {
                // FieldsV1 carries the JSON text of the field set verbatim; it is JSON, not data to base64.
                node = raw.IsEmpty ? null : JsonNode.Parse(raw);
            }
            catch (JsonException e)
            {
                throw new ProtobufFormatException($"{FieldsV1Name} at byte {at} is not valid JSON", e);
            }
        }

        return node;
    }

    private static void ExpectWireType(ProtoMessage message, ProtoField field, WireType actual, WireType expected)
    {
        if (actual != expected)
        {
            var name = field.Shape == FieldShape.Inline ? "inline" : field.JsonName;
            throw new ProtobufFormatException(
                $"field {field.Number} ({name}) of {message.Name} has wire type {(int)actual}, expected {(int)expected}");
        }
    }

    private static ProtoMessage Resolve(ProtoField field) => ProtobufSchema.Schema.Messages[field.MessageName!];

    private static JsonObject GetOrAddObject(JsonObject target, string name)
    {
        if (target[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        target[name] = created;
        return created;
    }

    private static JsonArray GetOrAddArray(JsonObject target, string name)
    {
        if (target[name] is JsonArray existing)
        {
            return existing;
        }

        var created = new JsonArray();
        target[name] = created;
        return created;
    }
}
