namespace PaaS.Core.Gateway;

/// <summary>
/// Picks the canary for exactly <see cref="CanaryPolicy.Percent"/> of every 100 consecutive requests, spread
/// evenly (10% is every tenth request, not ten in a row). Counter-based rather than random, so a small sample
/// already shows the configured share and tests need no tolerance for luck. Lock-free; no allocation.
/// </summary>
public sealed class WeightedSplit
{
    private readonly int _percent;
    private long _count = -1;

    public WeightedSplit(int canaryPercent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(canaryPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(canaryPercent, 100);
        _percent = canaryPercent;
    }

    public int CanaryPercent => _percent;

    /// <summary>True when this request goes to the canary.</summary>
    public bool NextIsCanary()
    {
        // Request n of a round of 100 goes to the canary when floor((n + 1)·p / 100) steps up: the line-drawing
        // (Bresenham) rule, which is what smooth weighted round robin yields for two weights p and 100 − p.
        var n = Interlocked.Increment(ref _count) % 100;
        return (n + 1) * _percent / 100 > n * _percent / 100;
    }
}
