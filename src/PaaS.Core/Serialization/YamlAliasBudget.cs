namespace PaaS.Core.Serialization;

/// <summary>
/// go-yaml v2's defence against alias bombs ("billion laughs"): once a document is past a small size,
/// nodes produced by alias expansion may only be a shrinking share of all decoded nodes.
/// </summary>
internal sealed class YamlAliasBudget
{
    private const long RatioRangeLow = 400_000;
    private const long RatioRangeHigh = 4_000_000;

    private long aliased;

    public long Decoded { get; private set; }

    public void CountNode() => Decoded++;

    /// <summary>Accounts for an alias expanding to <paramref name="nodes"/> nodes; false when that is excessive.</summary>
    public bool TryExpand(long nodes)
    {
        Decoded += nodes;
        aliased += nodes;
        return aliased <= 100 || Decoded <= 1000 || (double)aliased / Decoded <= AllowedRatio(Decoded);
    }

    private static double AllowedRatio(long decoded)
    {
        if (decoded <= RatioRangeLow)
        {
            return 0.99;
        }

        if (decoded >= RatioRangeHigh)
        {
            return 0.10;
        }

        return 0.99 - (0.89 * ((double)(decoded - RatioRangeLow) / (RatioRangeHigh - RatioRangeLow)));
    }
}
