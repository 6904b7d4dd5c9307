namespace PaaS.Core.Gateway;

/// <summary>The states of a <see cref="CircuitBreaker"/>; the numbers are stable for a metrics gauge.</summary>
public enum CircuitState
{
    /// <summary>Requests pass; consecutive failures are counted.</summary>
    Closed = 0,

    /// <summary>Requests fail fast with 503 until the open duration has passed.</summary>
    Open = 1,

    /// <summary>One trial request is in flight; its outcome closes or re-opens the circuit.</summary>
    HalfOpen = 2,
}
