namespace PaaS.Core.Gateway;

/// <summary>
/// A Service's circuit breaker: closed → open after <see cref="CircuitBreakerPolicy.Failures"/> consecutive
/// failures → half-open once <see cref="CircuitBreakerPolicy.OpenDuration"/> has passed, admitting exactly one
/// trial → closed when it succeeds, open again when it fails. Thread-safe; no allocation per call.
/// </summary>
/// <remarks>
/// Call <see cref="TryEnter"/> before forwarding and, when it returned true, <see cref="Report"/> exactly once
/// with the outcome (a 5xx or a transport error is a failure). Reports do not say which request they belong
/// to, so a request admitted while closed that finishes during the trial counts as the trial's outcome: it is
/// just as recent evidence of the service's health.
/// </remarks>
public sealed class CircuitBreaker
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int _threshold;
    private readonly TimeSpan _openDuration;
    private CircuitState _state;
    private int _failures;
    private long _since; // when the circuit opened, or when the trial was admitted

    public CircuitBreaker(CircuitBreakerPolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _threshold = policy.Failures;
        _openDuration = policy.OpenDuration;
    }

    /// <summary>The current state, for metrics and logs; <see cref="TryEnter"/> is what moves open to half-open.</summary>
    public CircuitState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>True when the request may be forwarded; false means answer 503 at once.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            switch (_state)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.Open when _time.GetElapsedTime(_since) >= _openDuration:
                // A trial that never reported (its caller crashed or forgot) must not hold the circuit
                // half-open forever: after another open duration, admit a new trial.
                case CircuitState.HalfOpen when _time.GetElapsedTime(_since) >= _openDuration:
                    _state = CircuitState.HalfOpen;
                    _since = _time.GetTimestamp();
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The outcome of a request <see cref="TryEnter"/> admitted.</summary>
    public void Report(bool success)
    {
        lock (_lock)
        {
            if (_state == CircuitState.Open)
            {
                return; // requests admitted before the circuit opened; it opened without them
            }

            if (success)
            {
                _state = CircuitState.Closed;
                _failures = 0;
            }
            else if (_state == CircuitState.HalfOpen || ++_failures >= _threshold)
            {
                _state = CircuitState.Open;
                _since = _time.GetTimestamp();
                _failures = 0;
            }
        }
    }
}
