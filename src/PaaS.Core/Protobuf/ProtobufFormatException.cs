namespace PaaS.Core.Protobuf;

/// <summary>
/// A Kubernetes protobuf request body that cannot be turned into JSON: bad framing, malformed wire data,
/// or a kind, field or encoding this decoder does not know. The message names what is wrong so the API
/// server can return it as a 400/415 to the client.
/// </summary>
public sealed class ProtobufFormatException : FormatException
{
    public ProtobufFormatException()
    {
    }

    public ProtobufFormatException(string message)
        : base(message)
    {
    }

    public ProtobufFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
