using System.Buffers.Binary;
using System.Text;

namespace PaaS.Core.Protobuf;

/// <summary>
/// Reads protobuf wire values from one message's bytes. It keeps the whole request body and a window into it,
/// so every error can name an absolute byte offset that matches what a hex dump of the request shows.
/// </summary>
internal ref struct ProtobufReader
{
    // A varint carries at most 64 bits, i.e. ten 7-bit groups; anything longer is malformed, not just large.
    private const int MaxVarintBytes = 10;

    // Throws on invalid UTF-8 instead of inventing U+FFFD characters that the client never sent.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> buffer;
    private readonly int end;
    private int position;

    public ProtobufReader(ReadOnlySpan<byte> buffer, int start, int end)
    {
        if (start < 0 || end > buffer.Length || start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "window lies outside the buffer");
        }

        this.buffer = buffer;
        position = start;
        this.end = end;
    }

    public readonly int Position => position;

    public readonly bool AtEnd => position >= end;

    public ulong ReadVarint()
    {
        var start = position;
        ulong result = 0;
        for (var i = 0; i < MaxVarintBytes; i++)
        {
            if (position >= end)
            {
                throw new ProtobufFormatException($"truncated varint at byte {start}");
            }

            var b = buffer[position++];
            // The tenth byte may only contribute the 64th bit; more would overflow a uint64.
            if (i == MaxVarintBytes - 1 && b > 1)
            {
                throw new ProtobufFormatException($"malformed varint at byte {start}: more than 64 bits");
            }

            result |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new ProtobufFormatException($"malformed varint at byte {start}: longer than {MaxVarintBytes} bytes");
    }

    public (int Number, WireType WireType) ReadTag()
    {
        var start = position;
        var tag = ReadVarint();
        var number = tag >> 3;
        // Field numbers are 29-bit and 0 is reserved; a tag outside that range is garbage, not an unknown field.
        if (number is 0 or > 0x1FFFFFFF)
        {
            throw new ProtobufFormatException($"invalid field number {number} at byte {start}");
        }

        return ((int)number, (WireType)(tag & 7));
    }

    public ulong ReadFixed64()
    {
        var bytes = Take(8, "fixed64 value");
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }

    public uint ReadFixed32()
    {
        var bytes = Take(4, "fixed32 value");
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    /// <summary>Reads a length prefix and returns a reader over exactly that many following bytes.</summary>
    public ProtobufReader ReadLengthDelimited()
    {
        var (start, length) = ReadLengthPrefix();
        position = start + length;
        return new ProtobufReader(buffer, start, start + length);
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var (start, length) = ReadLengthPrefix();
        position = start + length;
        return buffer.Slice(start, length);
    }

    public string ReadString()
    {
        var (start, length) = ReadLengthPrefix();
        position = start + length;
        try
        {
            return StrictUtf8.GetString(buffer.Slice(start, length));
        }
        catch (DecoderFallbackException e)
        {
            throw new ProtobufFormatException($"invalid UTF-8 in the string at byte {start}", e);
        }
    }

    private (int Start, int Length) ReadLengthPrefix()
    {
        var prefixAt = position;
        var length = ReadVarint();
        var left = end - position;
        if (length > (ulong)left)
        {
            throw new ProtobufFormatException($"truncated value at byte {prefixAt}: length {length} but only {left} bytes left");
        }

        return (position, (int)length);
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (end - position < count)
        {
            throw new ProtobufFormatException($"truncated {what} at byte {position}");
        }

        var slice = buffer.Slice(position, count);
        position += count;
        return slice;
    }
}
