namespace PaaS.ApiServer;

/// <summary>
/// Wakes a background loop early. Coalescing: many notifications while the loop is busy leave one
/// pending wake-up, which is all a level-triggered loop needs.
/// </summary>
internal abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notifier got there between the check and the release: the loop wakes either way.
            }
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
