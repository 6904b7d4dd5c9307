namespace PaaS.Gateway.Health;

/// <summary>Envoy-style outlier detection: the defaults are Envoy's consecutive-5xx settings.</summary>
internal sealed record OutlierEjectionOptions
{
    /// <summary>Failures in a row (connect failure, reset, 502/503/504) that eject an endpoint.</summary>
    public int ConsecutiveFailures { get; init; } = 5;

    /// <summary>How long an ejected endpoint gets no traffic.</summary>
    public TimeSpan EjectionTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this share of a cluster's endpoints is ejected at once, so a bad deploy of the
    /// backend's dependency cannot make the gateway shed all traffic onto nothing.</summary>
    public double MaxEjectedShare { get; init; } = 0.5;
}
