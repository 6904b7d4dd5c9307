using System.Collections.Concurrent;

namespace PaaS.Core.Gateway;

/// <summary>
/// One <see cref="TokenBucket"/> per client key (the client's IP), with bounded memory: buckets that have
/// refilled are dropped (a full bucket is the same as a new one), and clients beyond
/// <c>maxClients</c> share one overflow bucket until a sweep makes room.
/// </summary>
public sealed class ClientRateLimiter
{
    /// <summary>Enough for a busy service; about 100 bytes a client.</summary>
    public const int DefaultMaxClients = 100_000;

    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly RateLimit _limit;
    private readonly TimeProvider _time;
    private readonly int _maxClients;
    private readonly long _sweepInterval;
    private readonly TokenBucket _overflow;
    private long _lastSweep;
    private int _sweeping;

    public ClientRateLimiter(RateLimit limit, TimeProvider time, int maxClients = DefaultMaxClients)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClients, 1);
        _limit = limit;
        _time = time;
        _maxClients = maxClients;
        // A sweep can only find buckets idle long enough to refill, so sweeping more often than one refill
        // time finds little; at least a second apart, so a flood of new clients cannot make every request O(n).
        var refill = TimeSpan.FromSeconds(Math.Max(1, limit.Burst / limit.PerSecond));
        _sweepInterval = (long)(refill.TotalSeconds * time.TimestampFrequency);
        _overflow = new TokenBucket(limit, time);
        _lastSweep = time.GetTimestamp();
    }

    /// <summary>Clients with a bucket of their own (for metrics).</summary>
    public int Count => _buckets.Count;

    public bool TryTake(string clientKey, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(clientKey);
        var now = _time.GetTimestamp();
        if (now - Volatile.Read(ref _lastSweep) >= _sweepInterval)
        {
            Sweep(now);
        }

        if (_buckets.TryGetValue(clientKey, out var bucket))
        {
            return bucket.TryTake(out retryAfter);
        }

        // Over the bound, new clients are limited together rather than not at all (or not admitted at all).
        // The count may overshoot by a few under concurrency; the bound is about memory, not exactness.
        bucket = _buckets.Count < _maxClients ? _buckets.GetOrAdd(clientKey, _ => new TokenBucket(_limit, _time)) : _overflow;
        return bucket.TryTake(out retryAfter);
    }

    private void Sweep(long now)
    {
        // One sweeper at a time; the others go on serving requests.
        if (Interlocked.CompareExchange(ref _sweeping, 1, 0) != 0)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _lastSweep, now);
            foreach (var entry in _buckets)
            {
                // Remove only the instance seen full. A request that takes from it between the check and the
                // removal gets that token back with the next new bucket: harmless, its client was well within its rate.
                if (entry.Value.IsFull(now))
                {
                    _buckets.TryRemove(entry);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
