using PaaS.Controllers.ReplicaSets;

namespace PaaS.Controllers.Tests.ReplicaSets;

public class SlowStartBatchTests
{
    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(7, new[] { 1, 2, 4 })]
    [InlineData(20, new[] { 1, 2, 4, 8, 5 })]
    [InlineData(500, new[] { 1, 2, 4, 8, 16, 32, 64, 128, 245 })]
    public void BatchSizes_DoubleUntilTheRemainder(int count, int[] expected) =>
        Assert.Equal(expected, SlowStartBatch.BatchSizes(count));

    [Fact]
    public async Task RunAsync_AllSucceed_CreatesEverything()
    {
        var calls = 0;

        var result = await SlowStartBatch.RunAsync(10, _ => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal((10, 10, 0, 0), (calls, result.Succeeded, result.NotCreated, result.Errors.Count));
    }

    [Fact]
    public async Task RunAsync_FailureInABatch_StopsAfterThatBatch()
    {
        var calls = 0;

        // Batches 1, 2, 4, …: the 5th call falls in the third batch (calls 4–7), which still runs to its end.
        var result = await SlowStartBatch.RunAsync(20, _ =>
            Interlocked.Increment(ref calls) == 5 ? Task.FromException(new InvalidOperationException("exceeded quota")) : Task.CompletedTask,
            CancellationToken.None);

        Assert.Equal(7, calls);
        Assert.Equal(6, result.Succeeded);
        Assert.Equal(14, result.NotCreated);
        Assert.Equal("exceeded quota", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task RunAsync_FirstCreateFails_TriesOnlyOnce()
    {
        var calls = 0;

        var result = await SlowStartBatch.RunAsync(500, _ => { calls++; throw new InvalidOperationException("forbidden"); }, CancellationToken.None);

        Assert.Equal((1, 0, 500), (calls, result.Succeeded, result.NotCreated));
    }
}
