using Microsoft.Extensions.Time.Testing;
using PaaS.Core.Gateway;

namespace PaaS.Core.Tests.Gateway;

public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryTake_BurstSpent_RefusesWithTimeUntilTheNextToken()
    {
        var bucket = new TokenBucket(new RateLimit(10, TimeSpan.FromSeconds(1), 3), _time);

        Assert.True(bucket.TryTake(out _));
        Assert.True(bucket.TryTake(out _));
        Assert.True(bucket.TryTake(out var none));
        Assert.Equal(TimeSpan.Zero, none);
        Assert.False(bucket.TryTake(out var retryAfter));
        Assert.Equal(100, retryAfter.TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void TryTake_AfterWaiting_RefillsAtTheRateUpToTheBurst()
    {
        var bucket = new TokenBucket(new RateLimit(60, TimeSpan.FromMinutes(1), 2), _time);
        Assert.True(bucket.TryTake(out _));
        Assert.True(bucket.TryTake(out _));
        Assert.False(bucket.TryTake(out _));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bucket.TryTake(out _));
        Assert.False(bucket.TryTake(out _));

        _time.Advance(TimeSpan.FromHours(1)); // refills to 2, not to 3,600
        Assert.Equal(2, TakeAll(bucket));
    }

    [Fact]
    public void TryTake_OverOneMinuteAtSixHundredPerMinute_AdmitsSixHundredPlusTheRefill()
    {
        var bucket = new TokenBucket(new RateLimit(600, TimeSpan.FromMinutes(1), 600), _time);
        var admitted = 0;
        for (var second = 0; second < 60; second++)
        {
            admitted += TakeAll(bucket);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // The full bucket at the start, then 10 a second for the 59 seconds after it.
        Assert.Equal(600 + (59 * 10), admitted);
    }

    [Fact]
    public async Task TryTake_ManyThreads_NeverAdmitsMoreThanTheBurst()
    {
        var bucket = new TokenBucket(new RateLimit(1, TimeSpan.FromSeconds(1), 1_000), _time);
        var admitted = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                if (bucket.TryTake(out _))
                {
                    Interlocked.Increment(ref admitted);
                }
            }
        })));
        Assert.Equal(1_000, admitted);
    }

    private static int TakeAll(TokenBucket bucket)
    {
        var taken = 0;
        while (bucket.TryTake(out _))
        {
            taken++;
        }

        return taken;
    }
}
