namespace PaaS.Gateway.Configuration;

/// <summary>Settings of the gateway role (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The gateway's kubeconfig (a <c>system:gateway</c> identity).</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>Where the proxy listens for service traffic (default <c>http://127.0.0.1:8080</c>).</summary>
    public string ListenUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The domain under which services get their host names (default <c>apps.localhost</c>, which resolves to loopback).</summary>
    public string AppsDomain { get; set; } = "apps.localhost";

    /// <summary>How often services and endpoints are listed again in full, in case an event was lost (default 30 s).</summary>
    public TimeSpan RelistInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long changes are collected after the first of a burst before one rebuild (default 100 ms).</summary>
    public TimeSpan DebounceDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Path of the Prometheus metrics on the gateway listener, for any host that is not a service's (default <c>/metrics</c>).</summary>
    public string MetricsPath { get; set; } = "/metrics";
}
