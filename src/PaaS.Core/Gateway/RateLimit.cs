namespace PaaS.Core.Gateway;

/// <summary>
/// A rate from <c>gateway.paas.dev/rate-limit</c> or <c>rate-limit-per-client</c>:
/// <c>&lt;count&gt;/s</c> or <c>&lt;count&gt;/m</c>, optionally followed by <c>burst &lt;n&gt;</c>
/// (for example <c>100/s</c>, <c>600/m</c>, <c>100/s burst 200</c>).
/// </summary>
/// <param name="Count">Requests allowed per <paramref name="Period"/>, 1–1,000,000.</param>
/// <param name="Period">One second or one minute.</param>
/// <param name="Burst">
/// How many requests may arrive at once (the token bucket's capacity), 1–1,000,000. Without <c>burst</c>
/// it is <paramref name="Count"/>: one period's allowance, so <c>600/m</c> means what it says, 600 in a minute.
/// </param>
public sealed record RateLimit(int Count, TimeSpan Period, int Burst)
{
    /// <summary>The steady refill rate of the bucket.</summary>
    public double PerSecond => Count / Period.TotalSeconds;

    public override string ToString() =>
        $"{Count}/{(Period == TimeSpan.FromMinutes(1) ? "m" : "s")}{(Burst == Count ? "" : $" burst {Burst}")}";
}
