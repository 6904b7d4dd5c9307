using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace PaaS.Gateway.Health;

/// <summary>
/// Passive health: an endpoint that fails <see cref="OutlierEjectionOptions.ConsecutiveFailures"/> requests
/// in a row is ejected (marked unhealthy, so YARP stops picking it) for <see cref="OutlierEjectionOptions.EjectionTime"/>;
/// YARP puts it back afterwards. Client-side aborts are not the endpoint's fault and count as nothing.
/// </summary>
internal sealed partial class OutlierEjectionPolicy(IDestinationHealthUpdater health, OutlierEjectionOptions options, ILogger<OutlierEjectionPolicy> logger) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "OutlierEjection";

    // Keyed by the destination's runtime state, which YARP keeps across config rebuilds while the id
    // (ip:port) stays, and drops with the endpoint; so the counters need no cleanup of their own.
    private readonly ConditionalWeakTable<DestinationState, StrongBox<int>> _failures = new();
    private readonly Lock _ejecting = new();

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        var failures = _failures.GetOrCreateValue(destination);
        switch (Classify(context))
        {
            case Outcome.Success:
                Volatile.Write(ref failures.Value, 0);
                return;
            case Outcome.Ignored:
                return;
        }

        if (Interlocked.Increment(ref failures.Value) < options.ConsecutiveFailures)
        {
            return;
        }

        // Under a lock, so that two endpoints failing at once cannot both pass the "at most half" check.
        lock (_ejecting)
        {
            var all = cluster.Destinations.Values;
            var ejected = all.Count(d => d.Health.Passive == DestinationHealth.Unhealthy);
            if (destination.Health.Passive == DestinationHealth.Unhealthy || ejected + 1 > all.Count * options.MaxEjectedShare)
            {
                return;
            }

            Volatile.Write(ref failures.Value, 0);
            health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, options.EjectionTime);
        }

        LogEjected(logger, destination.DestinationId, cluster.ClusterId, options.ConsecutiveFailures, options.EjectionTime);
    }

    private static Outcome Classify(HttpContext context)
    {
        if (context.Features.Get<IForwarderErrorFeature>() is { } error)
        {
            return error.Error switch
            {
                // Could not connect, the connection was reset, or the endpoint did not answer in time.
                ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.RequestBodyDestination
                    or ForwarderError.ResponseBodyDestination or ForwarderError.UpgradeRequestDestination
                    or ForwarderError.UpgradeResponseDestination => Outcome.Failure,
                _ => Outcome.Ignored,
            };
        }

        return context.Response.StatusCode is 502 or 503 or 504 ? Outcome.Failure : Outcome.Success;
    }

    private enum Outcome
    {
        Success,
        Failure,
        Ignored,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ejected endpoint {Destination} of {Cluster} after {Failures} consecutive failures, for {Duration}")]
    private static partial void LogEjected(ILogger logger, string destination, string cluster, int failures, TimeSpan duration);
}
