using System.Net;

namespace PaaS.Cli;

/// <summary>
/// paasctl's exit codes, stable for scripts: 0 ok; 1 error (server 5xx, network, anything else);
/// 2 usage error (bad arguments or options); 3 not logged in or the token was refused (401);
/// 4 forbidden (403); 5 not found (404); 6 conflict or invalid (409, 422, 400).
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;
    public const int Unauthorized = 3;
    public const int Forbidden = 4;
    public const int NotFound = 5;
    public const int Conflict = 6;

    /// <summary>The exit codes as the root command's help shows them.</summary>
    public const string Description =
        "Exit codes: 0 ok, 1 error (server 5xx, network), 2 usage error, 3 not logged in / 401, " +
        "4 forbidden (403), 5 not found (404), 6 conflict or invalid (409/422/400).";

    public static int FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => Unauthorized,
        HttpStatusCode.Forbidden => Forbidden,
        HttpStatusCode.NotFound => NotFound,
        HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest => Conflict,
        _ => Error,
    };
}
