namespace PaaS.ServiceDefaults;

/// <summary>
/// client-go's work queue: keys, not events. A key added many times before a worker takes it is
/// processed once; a key is never handed to two workers at once (added while being processed, it is
/// queued again when the worker is <see cref="Done"/>); failed keys come back after an exponential
/// back-off (<see cref="AddRateLimited"/>) until <see cref="Forget"/> resets it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "client-go's name for it, which readers of controllers know.")]
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly TimeProvider _time;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private bool _shutDown;

    /// <param name="baseDelay">First retry delay (client-go: 5 ms); doubles per failure.</param>
    /// <param name="maxDelay">Longest retry delay (client-go: 1000 s; controllers here use minutes).</param>
    public WorkQueue(TimeProvider? time = null, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null)
    {
        _time = time ?? TimeProvider.System;
        _baseDelay = baseDelay ?? TimeSpan.FromMilliseconds(5);
        _maxDelay = maxDelay ?? TimeSpan.FromMinutes(5);
    }

    /// <summary>Keys waiting (not counting those being processed).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_shutDown || !_dirty.Add(key))
            {
                return;
            }

            if (_processing.Contains(key))
            {
                return; // Queued again by Done.
            }

            _queue.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>Adds the key after <paramref name="delay"/> (a requeue for later, e.g. a deadline to check).</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        _ = Task.Delay(delay, _time).ContinueWith(_ => Add(key), TaskScheduler.Default);
    }

    /// <summary>Adds the key after its back-off: base × 2^(failures), capped.</summary>
    public void AddRateLimited(TKey key)
    {
        int failures;
        lock (_gate)
        {
            failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
        }

        var delay = TimeSpan.FromTicks((long)Math.Min(_maxDelay.Ticks, _baseDelay.Ticks * Math.Pow(2, Math.Min(failures, 40))));
        AddAfter(key, delay);
    }

    /// <summary>How many times in a row the key failed.</summary>
    public int Failures(TKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>The key succeeded: its next failure starts the back-off from the beginning.</summary>
    public void Forget(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>Waits for a key; the caller must call <see cref="Done"/> with it. Null once the queue is shut down.</summary>
    public async Task<TKey?> TakeAsync(CancellationToken ct)
    {
        while (true)
        {
            await _available.WaitAsync(ct);
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    if (_shutDown)
                    {
                        _available.Release(); // Wake the next waiter too.
                        return default;
                    }

                    continue;
                }

                var key = _queue.Dequeue();
                _dirty.Remove(key);
                _processing.Add(key);
                return key;
            }
        }
    }

    /// <summary>The worker finished the key; if it was added meanwhile, it is queued again now.</summary>
    public void Done(TKey key)
    {
        bool requeued;
        lock (_gate)
        {
            _processing.Remove(key);
            requeued = _dirty.Contains(key);
            if (requeued)
            {
                _queue.Enqueue(key);
            }
        }

        if (requeued)
        {
            _available.Release();
        }
    }

    public void ShutDown()
    {
        lock (_gate)
        {
            _shutDown = true;
        }

        _available.Release();
    }

    public void Dispose() => _available.Dispose();
}
