using PaaS.Core.Protobuf;

namespace PaaS.Core.Tests.Protobuf;

public sealed class KubernetesProtobufErrorTests
{
    [Fact]
    public void Decode_JsonBody_ThrowsBadMagic()
    {
        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode("""{"kind":"Pod"}"""u8));

        Assert.Equal("protobuf body does not start with the k8s\\0 magic", error.Message);
    }

    [Fact]
    public void Decode_EmptyBody_ThrowsBadMagic()
    {
        Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode([]));
    }

    [Fact]
    public void Decode_MagicOnly_ThrowsMissingKind()
    {
        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode("k8s\0"u8));

        Assert.Contains("no apiVersion and kind", error.Message);
    }

    [Fact]
    public void Decode_UnsupportedKind_NamesApiVersionAndKind()
    {
        var body = ProtoWriter.Envelope("apps/v1", "StatefulSet", s => s.Message(1, m => m.String(1, "db")));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal("unsupported protobuf kind apps/v1 StatefulSet", error.Message);
    }

    [Fact]
    public void Decode_UnknownContainerField_NamesFieldWireTypeAndMessage()
    {
        var body = PodWithContainer(c => c.String(1, "app").String(99, "surprise"));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal("field 99 (wire type 2) is not part of io.k8s.api.core.v1.Container", error.Message);
    }

    [Fact]
    public void Decode_WrongWireTypeForKnownField_Throws()
    {
        // Container field 1 (name) is a string; a varint there is not a Container.
        var body = PodWithContainer(c => c.Int(1, 7));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal("field 1 (name) of io.k8s.api.core.v1.Container has wire type 0, expected 2", error.Message);
    }

    [Fact]
    public void Decode_TruncatedBody_ThrowsTruncated()
    {
        var body = KubectlCaptures.Deployment.Bytes;

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body.AsSpan(0, body.Length - 3)));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Decode_TruncatedVarint_NamesByteOffset()
    {
        // Magic (4 bytes), then a tag whose continuation bit promises a byte that never comes.
        byte[] body = [.. "k8s\0"u8, 0x8A];

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal("truncated varint at byte 4", error.Message);
    }

    [Fact]
    public void Decode_VarintLongerThanTenBytes_ThrowsMalformed()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n
            .Message(1, m => m.Tag(7, 0).Raw(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.StartsWith("malformed varint at byte", error.Message);
    }

    [Fact]
    public void Decode_LengthPastEnclosingMessage_ThrowsTruncated()
    {
        // metadata claims 2 bytes but holds a name whose length prefix says 50.
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, m => m.Tag(1, 2).Raw(50, (byte)'x')));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Matches(@"^truncated value at byte \d+: length 50 but only 1 bytes left$", error.Message);
    }

    [Fact]
    public void Decode_GzipContentEncoding_Throws()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, m => m.String(1, "x")), contentEncoding: "gzip");

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Contains("contentEncoding \"gzip\"", error.Message);
    }

    [Fact]
    public void Decode_JsonContentType_Throws()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, m => m.String(1, "x")), contentType: "application/json");

        Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_ProtobufContentType_IsAccepted()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, m => m.String(1, "x")), contentType: KubernetesProtobuf.MediaType);

        Assert.Equal("x", (string?)KubernetesProtobuf.Decode(body)["metadata"]!["name"]);
    }

    [Fact]
    public void Decode_UnknownEnvelopeField_Throws()
    {
        byte[] body = [.. ProtoWriter.Envelope("v1", "Namespace", _ => { }), .. new ProtoWriter().String(5, "x").ToArray()];

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal("field 5 (wire type 2) is not part of io.k8s.apimachinery.pkg.runtime.Unknown", error.Message);
    }

    [Fact]
    public void Decode_InvalidUtf8String_Throws()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, m => m.Bytes(1, [0xC3, 0x28])));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.StartsWith("invalid UTF-8", error.Message);
    }

    [Fact]
    public void Decode_IntOrStringWithUnknownType_Throws()
    {
        var body = ProtoWriter.Envelope("v1", "Service", s => s
            .Message(2, spec => spec.Message(1, p => p.Int(3, 80).Message(4, t => t.Int(1, 2)))));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Contains("IntOrString has type 2", error.Message);
    }

    [Fact]
    public void Decode_FieldNumberZero_Throws()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Raw(0x02, 0x00));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.StartsWith("invalid field number 0", error.Message);
    }

    [Fact]
    public void Decode_GroupWireType_ThrowsUnknownField()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Tag(1, 3));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal("field 1 (metadata) of io.k8s.api.core.v1.Namespace has wire type 3, expected 2", error.Message);
    }

    [Fact]
    public void Decode_UnknownFieldInsideTime_NamesTime()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, m => m.Message(8, t => t.Int(3, 1))));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal("field 3 (wire type 0) is not part of io.k8s.apimachinery.pkg.apis.meta.v1.Time", error.Message);
    }

    [Fact]
    public void Decode_TimeBeyondYear9999_Throws()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, m => m.Message(8, t => t.Int(1, long.MaxValue))));

        Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));
    }

    [Fact]
    public void Decode_GoZeroTimeWrittenOut_IsLeftOut()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, m => m.String(1, "x").Message(8, t => t.Int(1, -62135596800).Int(2, 0))));

        var json = KubernetesProtobuf.Decode(body);

        Assert.False(json["metadata"]!.AsObject().ContainsKey("creationTimestamp"));
    }

    [Fact]
    public void Decode_EveryStrictPrefixOfACapture_ThrowsOnlyProtobufFormatException()
    {
        // Cutting a real body anywhere must give a clean format error (or, at a field boundary, a smaller object):
        // never an IndexOutOfRange or other crash the API server would turn into a 500.
        var body = KubectlCaptures.DebugCopyPod.Bytes;
        for (var length = 0; length < body.Length; length++)
        {
            try
            {
                KubernetesProtobuf.Decode(body.AsSpan(0, length));
            }
            catch (ProtobufFormatException)
            {
            }
        }
    }

    private static byte[] PodWithContainer(Action<ProtoWriter> container) =>
        ProtoWriter.Envelope("v1", "Pod", p => p.Message(1, m => m.String(1, "p")).Message(2, s => s.Message(2, container)));
}
