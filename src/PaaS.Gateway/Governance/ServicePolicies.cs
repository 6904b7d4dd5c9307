using System.Collections.Concurrent;
using PaaS.Core.Gateway;
using PaaS.Gateway.Routing;

namespace PaaS.Gateway.Governance;

/// <summary>
/// Each service's governance (from its <c>gateway.paas.dev/*</c> annotations) with its runtime state: rate
/// limiters, circuit breaker, canary split. Kept per service and replaced when the annotations change, so a
/// rebuild of the routes does not reset a limiter or close an open circuit.
/// </summary>
internal sealed class ServicePolicies(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ServicePolicy> _policies = new(StringComparer.Ordinal);

    /// <summary>The policy each route's <see cref="ServiceRoute"/> resolved to: the hot path does no string work.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServiceRoute, ServicePolicy> _byRoute = new();

    public ServicePolicy For(ServiceRoute service) => _byRoute.GetValue(service, Resolve);

    private ServicePolicy Resolve(ServiceRoute service)
    {
        var fingerprint = Fingerprint(service.Annotations);
        if (_policies.TryGetValue(service.Key, out var known) && known.Fingerprint == fingerprint)
        {
            return known;
        }

        var parsed = ServiceGovernance.Parse(service.Annotations.ToDictionary());
        // Admission refuses bad annotations; one stored before that rule existed governs nothing until fixed.
        var policy = new ServicePolicy(fingerprint, parsed.Governance ?? ServiceGovernance.None, time);
        _policies[service.Key] = policy;
        return policy;
    }

    private static string Fingerprint(IReadOnlyDictionary<string, string> annotations) =>
        string.Join('\n', annotations.Where(a => a.Key.StartsWith(ServiceGovernance.Prefix, StringComparison.Ordinal))
            .OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value));
}

/// <summary>One service's governance and the state it needs while requests flow.</summary>
internal sealed class ServicePolicy(string fingerprint, ServiceGovernance governance, TimeProvider time)
{

    public string Fingerprint { get; } = fingerprint;

    public ServiceGovernance Governance { get; } = governance;

    public TokenBucket? Overall { get; } = governance.RateLimit is { } limit ? new TokenBucket(limit, time) : null;

    public ClientRateLimiter? PerClient { get; } = governance.RateLimitPerClient is { } limit ? new ClientRateLimiter(limit, time) : null;

    public CircuitBreaker? Breaker { get; } = governance.CircuitBreaker is { } breaker ? new CircuitBreaker(breaker, time) : null;

    public WeightedSplit? Canary { get; } = governance.Canary is { } canary ? new WeightedSplit(canary.Percent) : null;

    public RetryPolicy Retries { get; } = new(governance.Retries);

    public bool IsNone => Governance == ServiceGovernance.None;
}
