namespace PaaS.Core.Patching;

/// <summary>
/// A PATCH body that cannot be applied: malformed JSON, an unknown operation or directive, or an operation whose
/// target is missing or whose test fails. The message names the operation and path so the API server can return
/// it to the client as it stands (Kubernetes answers these with 400 or 422).
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
}
