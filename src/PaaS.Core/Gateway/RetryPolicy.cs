using System.Collections.Frozen;

namespace PaaS.Core.Gateway;

/// <summary>
/// When the gateway tries a request again on another endpoint: only idempotent methods, only after a connect
/// failure, a reset or empty reply, a 502 or a 503, and at most <see cref="ServiceGovernance.Retries"/> times.
/// </summary>
/// <remarks>
/// A request with a body can only be retried if the gateway kept the body; that is the gateway's concern.
/// </remarks>
public sealed class RetryPolicy
{
    // Methods are case-sensitive in HTTP, but a lower-case "get" is still a read; no allocation either way.
    private static readonly FrozenSet<string> Idempotent =
        new[] { "GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public RetryPolicy(int retries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retries, 0);
        MaxAttempts = retries + 1;
    }

    /// <summary>The first attempt plus the retries.</summary>
    public int MaxAttempts { get; }

    /// <summary>GET, HEAD, OPTIONS, PUT, DELETE and TRACE (RFC 9110 §9.2.2); not POST or PATCH.</summary>
    public static bool IsIdempotent(string method) => Idempotent.Contains(method);

    /// <summary>A failure or status that another endpoint might not have: 502 and 503, connect failures, resets.</summary>
    public static bool IsRetryable(UpstreamFailure failure, int statusCode) => failure switch
    {
        UpstreamFailure.ConnectFailed or UpstreamFailure.ResetOrEmptyReply => true,
        UpstreamFailure.None => statusCode is 502 or 503,
        _ => false,
    };

    /// <summary>Whether attempt number <paramref name="attempt"/> (1 for the first) should be followed by another.</summary>
    public bool ShouldRetry(string method, int attempt, UpstreamFailure failure, int statusCode) =>
        attempt < MaxAttempts && IsIdempotent(method) && IsRetryable(failure, statusCode);
}
