using System.Text.Json.Nodes;

namespace PaaS.Core.Protobuf;

/// <summary>
/// Turns the protobuf request bodies that kubectl and client-go send for built-in kinds
/// (<c>Content-Type: application/vnd.kubernetes.protobuf</c>) into the JSON the same client would have sent,
/// so the API server needs only one request pipeline.
/// </summary>
/// <remarks>
/// The body is the four bytes <c>k8s\0</c> followed by a <c>runtime.Unknown</c> envelope:
/// {1 typeMeta {1 apiVersion, 2 kind}, 2 raw (the object's own protobuf), 3 contentEncoding, 4 contentType}.
/// </remarks>
public static class KubernetesProtobuf
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private const string UnknownName = "io.k8s.apimachinery.pkg.runtime.Unknown";
    private const string TypeMetaName = "io.k8s.apimachinery.pkg.runtime.TypeMeta";

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>
    /// Decodes a kubectl protobuf request body into the object's Kubernetes JSON, with <c>apiVersion</c> and
    /// <c>kind</c> taken from the envelope. Throws <see cref="ProtobufFormatException"/> on anything malformed or unknown.
    /// </summary>
    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw new ProtobufFormatException("protobuf body does not start with the k8s\\0 magic");
        }

        var reader = new ProtobufReader(body, Magic.Length, body.Length);
        var apiVersion = string.Empty;
        var kind = string.Empty;
        var contentEncoding = string.Empty;
        var contentType = string.Empty;
        var raw = new ProtobufReader(body, body.Length, body.Length);
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (wire != WireType.LengthDelimited || number is < 1 or > 4)
            {
                throw ProtobufDecoder.UnknownField(number, wire, UnknownName);
            }

            switch (number)
            {
                case 1:
                    (apiVersion, kind) = ReadTypeMeta(reader.ReadLengthDelimited());
                    break;
                case 2:
                    raw = reader.ReadLengthDelimited();
                    break;
                case 3:
                    contentEncoding = reader.ReadString();
                    break;
                default:
                    contentType = reader.ReadString();
                    break;
            }
        }

        // A compressed or otherwise encoded raw payload is not protobuf we can read; Kubernetes itself never
        // sets this, so anything here is a client we do not understand.
        if (contentEncoding.Length != 0)
        {
            throw new ProtobufFormatException($"unsupported contentEncoding \"{contentEncoding}\" in the protobuf envelope");
        }

        // Empty means "same as the envelope"; anything else (say JSON wrapped in protobuf) is not ours to guess.
        if (contentType.Length != 0 && contentType != MediaType)
        {
            throw new ProtobufFormatException($"unsupported contentType \"{contentType}\" in the protobuf envelope");
        }

        if (apiVersion.Length == 0 || kind.Length == 0)
        {
            throw new ProtobufFormatException("protobuf envelope has no apiVersion and kind");
        }

        if (!ProtobufSchema.Schema.Kinds.TryGetValue((apiVersion, kind), out var message))
        {
            throw new ProtobufFormatException($"unsupported protobuf kind {apiVersion} {kind}");
        }

        var result = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
        };
        ProtobufDecoder.DecodeInto(result, message, raw, depth: 0);
        return result;
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ProtobufReader reader)
    {
        var apiVersion = string.Empty;
        var kind = string.Empty;
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (wire != WireType.LengthDelimited || number is not (1 or 2))
            {
                throw ProtobufDecoder.UnknownField(number, wire, TypeMetaName);
            }

            if (number == 1)
            {
                apiVersion = reader.ReadString();
            }
            else
            {
                kind = reader.ReadString();
            }
        }

        return (apiVersion, kind);
    }
}
