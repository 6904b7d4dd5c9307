using Microsoft.Extensions.Time.Testing;
using PaaS.Core.Gateway;

namespace PaaS.Core.Tests.Gateway;

public sealed class ClientRateLimiterTests
{
    private static readonly RateLimit TwoPerSecond = new(2, TimeSpan.FromSeconds(1), 2);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryTake_EachClient_HasItsOwnBucket()
    {
        var limiter = new ClientRateLimiter(TwoPerSecond, _time);

        Assert.True(limiter.TryTake("10.0.0.1", out _));
        Assert.True(limiter.TryTake("10.0.0.1", out _));
        Assert.False(limiter.TryTake("10.0.0.1", out var retryAfter));
        Assert.Equal(500, retryAfter.TotalMilliseconds, precision: 3);
        Assert.True(limiter.TryTake("10.0.0.2", out _));
    }

    [Fact]
    public void TryTake_IdleClients_AreEvictedOnceTheirBucketsRefill()
    {
        var limiter = new ClientRateLimiter(TwoPerSecond, _time);
        for (var i = 0; i < 100; i++)
        {
            limiter.TryTake($"10.0.0.{i}", out _);
        }

        Assert.Equal(100, limiter.Count);

        _time.Advance(TimeSpan.FromSeconds(1)); // refilled: a full bucket is no different from none
        limiter.TryTake("10.0.1.1", out _);
        Assert.Equal(1, limiter.Count);
    }

    [Fact]
    public void TryTake_ActiveClient_KeepsItsBucketThroughASweep()
    {
        // One a second, burst 2: a bucket takes 2 s to refill, so sweeps run every 2 s.
        var limiter = new ClientRateLimiter(new RateLimit(1, TimeSpan.FromSeconds(1), 2), _time);
        Assert.True(limiter.TryTake("busy", out _));
        Assert.True(limiter.TryTake("busy", out _));
        _time.Advance(TimeSpan.FromMilliseconds(1_500));
        Assert.True(limiter.TryTake("busy", out _)); // 0.5 tokens left

        _time.Advance(TimeSpan.FromMilliseconds(500)); // sweep: 1 token, not full, so kept
        limiter.TryTake("other", out _);

        Assert.True(limiter.TryTake("busy", out _));
        Assert.False(limiter.TryTake("busy", out _)); // a new bucket would have let a second one through
    }

    [Fact]
    public void TryTake_RefilledBucketEvicted_GivesItsClientNothingExtra()
    {
        var limiter = new ClientRateLimiter(new RateLimit(1, TimeSpan.FromSeconds(1), 1), _time);
        Assert.True(limiter.TryTake("c", out _));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(limiter.TryTake("c", out _));

        _time.Advance(TimeSpan.FromMilliseconds(1)); // refilled exactly now, and swept

        Assert.True(limiter.TryTake("c", out _));
        Assert.False(limiter.TryTake("c", out _));
    }

    [Fact]
    public void TryTake_OverTheBound_NewClientsShareOneBucket()
    {
        var limiter = new ClientRateLimiter(TwoPerSecond, _time, maxClients: 2);
        limiter.TryTake("a", out _);
        limiter.TryTake("b", out _);

        Assert.True(limiter.TryTake("c", out _));
        Assert.True(limiter.TryTake("d", out _));
        Assert.False(limiter.TryTake("e", out _)); // c, d and e are limited together, not let through
        Assert.Equal(2, limiter.Count);
    }
}
