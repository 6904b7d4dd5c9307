using System.Net;

namespace PaaS.Cli.Http;

/// <summary>The API server answered with an error; <see cref="Exception.Message"/> is its Status message.</summary>
internal sealed class ApiException(HttpStatusCode status, string? reason, string message)
    : CliException(ExitCodes.FromHttpStatus(status), message)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The Status reason (<c>Forbidden</c>, <c>Conflict</c>, ...), when the server sent one.</summary>
    public string? Reason { get; } = reason;
}
