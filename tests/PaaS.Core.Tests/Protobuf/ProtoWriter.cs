using System.Text;

namespace PaaS.Core.Tests.Protobuf;

/// <summary>
/// Writes protobuf wire data for tests, the way gogo-protobuf lays out Kubernetes objects, so kinds that no kubectl
/// command sends (nodes, events, leases, pod status) can still be checked against their expected JSON.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> bytes = [];

    public static byte[] Envelope(string apiVersion, string kind, Action<ProtoWriter> body, string contentEncoding = "", string contentType = "")
    {
        var unknown = new ProtoWriter()
            .Message(1, t => t.String(1, apiVersion).String(2, kind))
            .Message(2, body)
            .String(3, contentEncoding)
            .String(4, contentType);
        return [.. "k8s\0"u8.ToArray(), .. unknown.ToArray()];
    }

    public ProtoWriter Tag(int field, int wireType)
    {
        return Varint((ulong)((field << 3) | wireType));
    }

    public ProtoWriter Varint(ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return this;
    }

    /// <summary>An int32/int64/bool field; negatives are sign-extended to ten bytes as Go does.</summary>
    public ProtoWriter Int(int field, long value) => Tag(field, 0).Varint(unchecked((ulong)value));

    public ProtoWriter Bool(int field, bool value) => Int(field, value ? 1 : 0);

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2).Varint((ulong)value.Length);
        bytes.AddRange(value);
        return this;
    }

    public ProtoWriter Message(int field, Action<ProtoWriter> build)
    {
        var nested = new ProtoWriter();
        build(nested);
        return Bytes(field, nested.ToArray());
    }

    /// <summary>A map&lt;string, string&gt; entry.</summary>
    public ProtoWriter Entry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    /// <summary>An ObjectMeta label (field 11).</summary>
    public ProtoWriter StringLabel(string key, string value) => Entry(11, key, value);

    /// <summary>A ResourceList entry: map&lt;string, Quantity&gt;.</summary>
    public ProtoWriter QuantityEntry(int field, string key, string quantity) =>
        Message(field, e => e.String(1, key).Message(2, q => q.String(1, quantity)));

    public ProtoWriter Time(int field, DateTimeOffset time) =>
        Message(field, t => t.Int(1, time.ToUnixTimeSeconds()).Int(2, time.Ticks % TimeSpan.TicksPerSecond * 100));

    /// <summary>How Go writes an unset non-pointer time: the field with an empty message.</summary>
    public ProtoWriter ZeroTime(int field) => Bytes(field, []);

    public ProtoWriter IntOrString(int field, int value) => Message(field, v => v.Int(1, 0).Int(2, value).String(3, string.Empty));

    public ProtoWriter IntOrString(int field, string value) => Message(field, v => v.Int(1, 1).Int(2, 0).String(3, value));

    public ProtoWriter Raw(params byte[] raw)
    {
        bytes.AddRange(raw);
        return this;
    }

    public byte[] ToArray() => [.. bytes];
}
