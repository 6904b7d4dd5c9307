namespace PaaS.Cli.Output;

/// <summary>A text gauge of quota use: <c>[#######-----] 58%</c>.</summary>
internal static class QuotaBar
{
    public const int DefaultWidth = 20;

    /// <summary>The bar for <paramref name="used"/> of <paramref name="hard"/>; full (and over 100%) when over the limit.</summary>
    public static string Render(decimal used, decimal hard, int width = DefaultWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        // Multiply before dividing (7/12 is not exact in decimal); round down, so a bar shows 100% only when used up.
        var (scaledCells, scaledPercent) = hard > 0 ? (used * width / hard, used * 100 / hard) : used > 0 ? (width, 100m) : (0m, 0m);
        var filled = (int)Math.Min(width, Math.Floor(scaledCells));
        var percent = (long)Math.Floor(scaledPercent);
        return $"[{new string('#', filled)}{new string('-', width - filled)}] {percent}%";
    }
}
