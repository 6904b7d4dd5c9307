namespace PaaS.Core.Patching;

/// <summary>
/// A PATCH that cannot be applied: malformed JSON, an unknown operation or directive, or an operation whose
/// target is missing or whose test fails. The message names the operation and path so the API server can return
/// it to the client as it stands, with <see cref="StatusCode"/> as Kubernetes would choose it.
/// </summary>
public sealed class PatchException : Exception
{
    public PatchException()
    {
    }

    public PatchException(string message)
        : base(message)
    {
    }

    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// 400 when the body is not a well-formed patch of its type (bad JSON, wrong shape, malformed directive), 415 when
    /// the media type is not a patch type, 422 when a well-formed patch does not apply to the object.
    /// </summary>
    public int StatusCode { get; private init; } = 422;

    internal static PatchException BadRequest(string message, Exception? innerException = null) =>
        innerException is null ? new(message) { StatusCode = 400 } : new(message, innerException) { StatusCode = 400 };

    internal static PatchException UnsupportedMediaType(string message) => new(message) { StatusCode = 415 };
}
