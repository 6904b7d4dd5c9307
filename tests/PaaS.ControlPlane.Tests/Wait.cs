namespace PaaS.ControlPlane.Tests;

/// <summary>Polls until the platform reaches a state (the control plane converges asynchronously).</summary>
internal static class Wait
{
    /// <summary>Returns the probe's first non-null result; throws after <paramref name="seconds"/>.</summary>
    public static async Task<T> For<T>(Func<Task<T?>> probe, int seconds = 20)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } result)
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached within {seconds} s");
            }

            await Task.Delay(100);
        }
    }

    public static Task Until(Func<Task<bool>> condition, int seconds = 20) =>
        For(async () => await condition() ? "reached" : null, seconds);
}
