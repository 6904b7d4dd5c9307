using PaaS.Core.Validation;

namespace PaaS.Core.Gateway;

/// <summary>
/// How the gateway treats requests to one Service, read from its <c>gateway.paas.dev/*</c> annotations.
/// Every annotation is optional; a Service without any gets <see cref="None"/>.
/// </summary>
/// <remarks>
/// Grammar (whitespace around tokens is ignored; integers are plain decimal digits):
/// <list type="table">
/// <item><term><c>rate-limit</c></term><description><c>&lt;count&gt;/s|m [burst &lt;n&gt;]</c>: all clients together, e.g. <c>100/s</c>, <c>600/m</c>, <c>100/s burst 200</c>. See <see cref="Gateway.RateLimit"/>.</description></item>
/// <item><term><c>rate-limit-per-client</c></term><description>the same grammar, per client IP.</description></item>
/// <item><term><c>retries</c></term><description><c>0</c>–<c>5</c>: retries of idempotent requests to another endpoint (see <see cref="RetryPolicy"/>).</description></item>
/// <item><term><c>timeout</c></term><description><c>&lt;n&gt;ms|s|m</c>, 1 ms–10 min, e.g. <c>500ms</c>, <c>5s</c>, <c>2m</c>.</description></item>
/// <item><term><c>circuit-breaker</c></term><description><c>&lt;failures&gt;/&lt;open duration&gt;</c>, e.g. <c>5/30s</c>. See <see cref="CircuitBreakerPolicy"/>.</description></item>
/// <item><term><c>canary</c></term><description><c>&lt;service&gt;=&lt;percent&gt;</c>, 1–99, e.g. <c>web-v2=10</c>. See <see cref="CanaryPolicy"/>.</description></item>
/// </list>
/// Any other key under <c>gateway.paas.dev/</c> is an error, so a typo is refused instead of silently doing nothing.
/// </remarks>
public sealed record ServiceGovernance(
    RateLimit? RateLimit = null,
    RateLimit? RateLimitPerClient = null,
    int Retries = 0,
    TimeSpan? Timeout = null,
    CircuitBreakerPolicy? CircuitBreaker = null,
    CanaryPolicy? Canary = null)
{
    public const string Prefix = "gateway.paas.dev/";
    public const string RateLimitKey = Prefix + "rate-limit";
    public const string RateLimitPerClientKey = Prefix + "rate-limit-per-client";
    public const string RetriesKey = Prefix + "retries";
    public const string TimeoutKey = Prefix + "timeout";
    public const string CircuitBreakerKey = Prefix + "circuit-breaker";
    public const string CanaryKey = Prefix + "canary";

    private static readonly string[] Keys = [RateLimitKey, RateLimitPerClientKey, RetriesKey, TimeoutKey, CircuitBreakerKey, CanaryKey];

    /// <summary>No governance: no limits, no retries, the gateway's default timeout, no breaker, no canary.</summary>
    public static ServiceGovernance None { get; } = new();

    /// <summary>Reads the <c>gateway.paas.dev/*</c> annotations; other annotations are ignored.</summary>
    public static GovernanceParseResult Parse(IDictionary<string, string>? annotations)
    {
        if (annotations is null || !annotations.Keys.Any(k => k.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            return new GovernanceParseResult(None, []);
        }

        var errors = new List<FieldError>();
        RateLimit? rate = null, perClient = null;
        int? retries = null;
        TimeSpan? timeout = null;
        CircuitBreakerPolicy? breaker = null;
        CanaryPolicy? canary = null;
        // Sorted so the errors come out in the same order whatever the dictionary's order.
        foreach (var (key, value) in annotations.Where(a => a.Key.StartsWith(Prefix, StringComparison.Ordinal)).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var field = $"metadata.annotations[{key}]";
            var text = (value ?? "").Trim();
            switch (key)
            {
                case RateLimitKey: rate = GovernanceGrammar.Rate(text, field, errors); break;
                case RateLimitPerClientKey: perClient = GovernanceGrammar.Rate(text, field, errors); break;
                case RetriesKey: retries = GovernanceGrammar.Retries(text, field, errors); break;
                case TimeoutKey: timeout = GovernanceGrammar.Timeout(text, field, errors); break;
                case CircuitBreakerKey: breaker = GovernanceGrammar.CircuitBreaker(text, field, errors); break;
                case CanaryKey: canary = GovernanceGrammar.Canary(text, field, errors); break;
                default: errors.Add(FieldError.NotSupported(field, key, Keys)); break;
            }
        }

        return errors.Count > 0
            ? new GovernanceParseResult(null, errors)
            : new GovernanceParseResult(new ServiceGovernance(rate, perClient, retries ?? 0, timeout, breaker, canary), []);
    }
}
