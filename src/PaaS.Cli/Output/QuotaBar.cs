namespace PaaS.Cli.Output;

/// <summary>A text gauge of quota use: <c>[#######-----] 58%</c>.</summary>
internal static class QuotaBar
{
    public const int DefaultWidth = 20;

    /// <summary>The bar for <paramref name="used"/> of <paramref name="hard"/>; full (and over 100%) when over the limit.</summary>
    public static string Render(decimal used, decimal hard, int width = DefaultWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var ratio = hard > 0 ? used / hard : used > 0 ? 1m : 0m;
        // Round down, so a bar shows 100% only when the quota is really used up.
        var filled = (int)Math.Min(width, Math.Floor(ratio * width));
        var percent = (long)Math.Floor(ratio * 100);
        return $"[{new string('#', filled)}{new string('-', width - filled)}] {percent}%";
    }
}
