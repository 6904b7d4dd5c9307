namespace PaaS.Core.Gateway;

/// <summary>
/// From <c>gateway.paas.dev/circuit-breaker: &lt;failures&gt;/&lt;open duration&gt;</c>, for example <c>5/30s</c>.
/// </summary>
/// <param name="Failures">Consecutive failures (5xx or transport errors) that open the circuit, 1–1,000.</param>
/// <param name="OpenDuration">How long requests fail fast before one trial request is let through, 1 ms–10 min.</param>
public sealed record CircuitBreakerPolicy(int Failures, TimeSpan OpenDuration);
