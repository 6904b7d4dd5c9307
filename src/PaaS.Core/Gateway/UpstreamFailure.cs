namespace PaaS.Core.Gateway;

/// <summary>How forwarding to an endpoint failed below HTTP; the gateway maps its proxy's errors onto these.</summary>
public enum UpstreamFailure
{
    /// <summary>A response arrived (its status code decides).</summary>
    None,

    /// <summary>No connection was made (refused, unreachable, DNS): the endpoint never saw the request.</summary>
    ConnectFailed,

    /// <summary>The connection was reset, or closed without a response.</summary>
    ResetOrEmptyReply,

    /// <summary>The request timed out: not retried, the time budget is the whole request's.</summary>
    Timeout,

    /// <summary>Anything else (the client went away, a bad response): not retried.</summary>
    Other,
}
