namespace PaaS.EndToEnd.Tests;

/// <summary>Waits for what the platform does in the background (a restart, a replacement, a route).</summary>
internal static class Eventually
{
    /// <exception cref="TimeoutException">Not reached within <paramref name="seconds"/>; the message names <paramref name="what"/>.</exception>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached within {seconds} s: {what}");
            }

            await Task.Delay(250);
        }
    }
}
