using PaaS.ServiceDefaults;

namespace PaaS.Controllers.Tests.Runtime;

public sealed class WorkQueueTests
{
    [Fact]
    public async Task KeyAddedManyTimes_IsProcessedOnce()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Count);
        Assert.Equal("a", await queue.TakeAsync(CancellationToken.None));
        Assert.Equal("b", await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task KeyAddedWhileProcessing_IsNotHandedOut_UntilDone()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var first = await queue.TakeAsync(CancellationToken.None);
        queue.Add("a");
        queue.Add("a");

        using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.TakeAsync(quick.Token));

        queue.Done(first!);
        Assert.Equal("a", await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Failures_BackOffExponentially_AndForgetResets()
    {
        using var queue = new WorkQueue<string>(baseDelay: TimeSpan.FromMilliseconds(50), maxDelay: TimeSpan.FromSeconds(1));
        var started = DateTime.UtcNow;
        queue.AddRateLimited("a"); // 50 ms
        var key = await queue.TakeAsync(CancellationToken.None);
        queue.Done(key!);
        queue.AddRateLimited("a"); // 100 ms
        key = await queue.TakeAsync(CancellationToken.None);
        queue.Done(key!);
        var elapsed = DateTime.UtcNow - started;

        Assert.True(elapsed >= TimeSpan.FromMilliseconds(140), $"only {elapsed.TotalMilliseconds} ms");
        Assert.Equal(2, queue.Failures("a"));
        queue.Forget("a");
        Assert.Equal(0, queue.Failures("a"));
    }

    [Fact]
    public async Task ShutDown_ReleasesWaitingWorkers()
    {
        using var queue = new WorkQueue<string>();
        var waiting = queue.TakeAsync(CancellationToken.None);
        queue.ShutDown();
        Assert.Null(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        queue.Add("late");
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task ManyWorkers_NeverHoldTheSameKeyAtOnce()
    {
        using var queue = new WorkQueue<int>();
        var holding = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var overlaps = 0;
        var processed = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (await queue.TakeAsync(stop.Token) is var key && !stop.IsCancellationRequested)
            {
                if (!holding.TryAdd(key, 0))
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                holding.TryRemove(key, out _);
                Interlocked.Increment(ref processed);
                queue.Done(key);
            }
        })).ToList();

        for (var i = 0; i < 2000; i++)
        {
            queue.Add(i % 5);
            if (i % 100 == 0)
            {
                await Task.Delay(1);
            }
        }

        await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.Equal(0, overlaps);
        Assert.True(processed >= 5);
    }
}
