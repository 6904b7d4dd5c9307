namespace PaaS.Gateway.Metrics;

/// <summary>One service's request counts by status code and its latency histogram: plain arrays of
/// longs bumped with <see cref="Interlocked"/>, so recording a request takes no lock and allocates nothing.</summary>
internal sealed class ServiceCounters
{
    /// <summary>Upper bounds of the latency buckets, in seconds (Prometheus' default buckets).</summary>
    public static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _byStatus = new long[600];
    private readonly long[] _buckets = new long[Bounds.Length + 1];
    private long _sumMicroseconds;

    public void Record(int status, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _byStatus[Math.Clamp(status, 0, _byStatus.Length - 1)]);
        var seconds = elapsed.TotalSeconds;
        var bucket = 0;
        while (bucket < Bounds.Length && seconds > Bounds[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Add(ref _sumMicroseconds, (long)(seconds * 1_000_000));
    }

    /// <summary>Status codes seen so far with their counts.</summary>
    public IEnumerable<(int Status, long Count)> Statuses()
    {
        for (var status = 0; status < _byStatus.Length; status++)
        {
            if (Volatile.Read(ref _byStatus[status]) is var count and > 0)
            {
                yield return (status, count);
            }
        }
    }

    /// <summary>Non-cumulative counts per bucket (the last is above every bound).</summary>
    public long[] Buckets()
    {
        var copy = new long[_buckets.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Volatile.Read(ref _buckets[i]);
        }

        return copy;
    }

    public double SumSeconds => Volatile.Read(ref _sumMicroseconds) / 1_000_000.0;
}
