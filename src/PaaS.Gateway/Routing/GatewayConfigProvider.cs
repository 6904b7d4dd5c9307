using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace PaaS.Gateway.Routing;

/// <summary>
/// Hands YARP the current routes and clusters; <see cref="Update"/> swaps in a new generation and fires
/// the old one's change token, which makes YARP fetch and apply the new one (diffing it against the last).
/// </summary>
internal sealed class GatewayConfigProvider : IProxyConfigProvider
{
    private volatile Snapshot _current = new(GatewayConfig.Empty);

    /// <summary>The generation being served.</summary>
    public GatewayConfig Current => _current.Config;

    public IProxyConfig GetConfig() => _current;

    public void Update(GatewayConfig config)
    {
        var previous = _current;
        _current = new Snapshot(config);
        previous.Expire();
    }

    // The token source is never disposed: YARP may still hold an expired snapshot's token, and an
    // undisposed, timer-less CancellationTokenSource holds nothing that the GC does not reclaim.
#pragma warning disable CA1001
    private sealed class Snapshot(GatewayConfig config) : IProxyConfig
#pragma warning restore CA1001
    {
        private readonly CancellationTokenSource _expired = new();

        public GatewayConfig Config => config;

        public IReadOnlyList<RouteConfig> Routes => config.Routes;

        public IReadOnlyList<ClusterConfig> Clusters => config.Clusters;

        public IChangeToken ChangeToken => new CancellationChangeToken(_expired.Token);

        public void Expire() => _expired.Cancel();
    }
}
