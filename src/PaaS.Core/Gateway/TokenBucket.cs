namespace PaaS.Core.Gateway;

/// <summary>
/// A token bucket: holds up to <see cref="RateLimit.Burst"/> tokens, refills at <see cref="RateLimit.PerSecond"/>,
/// and each request takes one. Thread-safe; no allocation per call.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private readonly double _perTick;
    private double _tokens;
    private long _updated;

    public TokenBucket(RateLimit limit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _capacity = limit.Burst;
        // Refill is kept in timestamp ticks so a call needs no TimeSpan arithmetic.
        _perTick = limit.PerSecond / time.TimestampFrequency;
        _tokens = _capacity; // a new client may spend its whole burst at once
        _updated = time.GetTimestamp();
    }

    /// <summary>Takes a token if there is one; otherwise says how long until there will be (for <c>Retry-After</c>).</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            Refill(now);
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            var ticks = (1 - _tokens) / _perTick;
            retryAfter = TimeSpan.FromSeconds(ticks / _time.TimestampFrequency);
            return false;
        }
    }

    /// <summary>
    /// True when the bucket has refilled to capacity: it then behaves exactly like a new bucket, so
    /// <see cref="ClientRateLimiter"/> can drop it without giving its client anything extra.
    /// </summary>
    internal bool IsFull(long now)
    {
        lock (_lock)
        {
            Refill(now);
            return _tokens >= _capacity;
        }
    }

    private void Refill(long now)
    {
        // A timestamp from before _updated (another thread read the clock first) adds nothing.
        if (now > _updated)
        {
            _tokens = Math.Min(_capacity, _tokens + ((now - _updated) * _perTick));
            _updated = now;
        }
    }
}
