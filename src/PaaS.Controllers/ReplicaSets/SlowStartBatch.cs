namespace PaaS.Controllers.ReplicaSets;

/// <summary>
/// Kubernetes' slowStartBatch: issue creates in batches of 1, 2, 4, 8, … and stop at the first batch with a failure.
/// When creates are bound to fail (quota exceeded, admission denied) this costs one failed call instead of hundreds
/// against the API server; when they succeed it reaches full speed after a few round trips.
/// </summary>
/// <remarks>
/// The pure part is <see cref="BatchSizes"/>, which the caller may drive itself; <see cref="RunAsync"/> runs each
/// batch's creates concurrently through the caller's delegate.
/// </remarks>
public static class SlowStartBatch
{
    /// <summary>Kubernetes' SlowStartInitialBatchSize.</summary>
    public const int InitialBatchSize = 1;

    /// <summary>
    /// The batch sizes for <paramref name="count"/> creates when every batch succeeds: doubling, the last one cut
    /// to what remains. A caller stops consuming after a batch that had a failure.
    /// </summary>
    public static IEnumerable<int> BatchSizes(int count, int initialBatchSize = InitialBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialBatchSize);
        var remaining = count;
        for (var size = Math.Min(remaining, initialBatchSize); size > 0; size = Math.Min(2 * size, remaining))
        {
            yield return size;
            remaining -= size;
        }
    }

    /// <summary>
    /// Runs up to <paramref name="count"/> calls of <paramref name="createOne"/>, each batch concurrently; an exception
    /// from the delegate is a failed create and ends the run after its batch. Cancellation is not a failure: it propagates.
    /// </summary>
    public static async Task<SlowStartResult> RunAsync(int count, Func<CancellationToken, Task> createOne, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createOne);
        var succeeded = 0;
        var errors = new List<Exception>();
        foreach (var size in BatchSizes(count))
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, size).Select(_ => TryCreateAsync(createOne, cancellationToken)));
            succeeded += outcomes.Count(e => e is null);
            errors.AddRange(outcomes.OfType<Exception>());
            if (errors.Count > 0)
            {
                break;
            }
        }

        return new SlowStartResult(count, succeeded, errors);
    }

    private static async Task<Exception?> TryCreateAsync(Func<CancellationToken, Task> createOne, CancellationToken cancellationToken)
    {
        try
        {
            await createOne(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex;
        }
    }
}
