using PaaS.Core.Gateway;

namespace PaaS.Core.Tests.Gateway;

public sealed class WeightedSplitTests
{
    [Fact]
    public void NextIsCanary_TenPercentOverAThousand_LandsWithinFivePercent()
    {
        var split = new WeightedSplit(10);

        var canary = Enumerable.Range(0, 1_000).Count(_ => split.NextIsCanary());

        Assert.InRange(canary, 95, 105); // ±5% of the expected 100; the rule gives exactly 100
        Assert.Equal(100, canary);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(33)]
    [InlineData(50)]
    [InlineData(99)]
    public void NextIsCanary_EveryHundredRequests_SendsExactlyThePercent(int percent)
    {
        var split = new WeightedSplit(percent);
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(percent, Enumerable.Range(0, 100).Count(_ => split.NextIsCanary()));
        }
    }

    [Fact]
    public void NextIsCanary_TenPercent_IsSpreadNotBunched()
    {
        var split = new WeightedSplit(10);

        var picks = Enumerable.Range(0, 100).Select(_ => split.NextIsCanary()).ToList();

        // Every window of ten consecutive requests holds exactly one canary request.
        for (var start = 0; start + 10 <= picks.Count; start++)
        {
            Assert.Equal(1, picks.Skip(start).Take(10).Count(p => p));
        }
    }

    [Fact]
    public async Task NextIsCanary_ManyThreads_KeepsTheShareExact()
    {
        var split = new WeightedSplit(10);
        var canary = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2_500; i++)
            {
                if (split.NextIsCanary())
                {
                    Interlocked.Increment(ref canary);
                }
            }
        })));
        Assert.Equal(1_000, canary);
    }
}
