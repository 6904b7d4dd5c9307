using System.Collections.Concurrent;

namespace PaaS.NodeAgent.Docker;

/// <summary>
/// The kubelet's crash-loop back-off, per pod container (and per image pull): the first restart is
/// immediate; after that, while less than the current delay has passed since the container finished,
/// it waits (<c>CrashLoopBackOff</c>), and each restart doubles the delay, from <paramref name="initial"/>
/// (10 s) up to <paramref name="max"/> (5 min). A container that stayed up for twice the maximum starts
/// over at the initial delay.
/// </summary>
internal sealed class RestartBackOff(TimeSpan initial, TimeSpan max, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (TimeSpan Delay, DateTimeOffset Updated)> _entries = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="key"/> must still wait, counted from <paramref name="since"/>; zero when it may go now.</summary>
    public TimeSpan Remaining(string key, DateTimeOffset since)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return TimeSpan.Zero;
        }

        var now = time.GetUtcNow();
        if (now - entry.Updated > 2 * max)
        {
            _entries.TryRemove(key, out _);
            return TimeSpan.Zero;
        }

        var left = since + entry.Delay - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>The delay that applies now to <paramref name="key"/> (for messages).</summary>
    public TimeSpan Current(string key) => _entries.TryGetValue(key, out var entry) ? entry.Delay : TimeSpan.Zero;

    /// <summary>Records a restart: the next one waits twice as long.</summary>
    public void Next(string key) =>
        _entries.AddOrUpdate(key, _ => (initial, time.GetUtcNow()), (_, e) => (TimeSpan.FromTicks(Math.Min(e.Delay.Ticks * 2, max.Ticks)), time.GetUtcNow()));

    /// <summary>Forgets every key that starts with <paramref name="prefix"/> (a removed pod).</summary>
    public void Forget(string prefix)
    {
        foreach (var key in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _entries.TryRemove(key, out _);
        }
    }
}
