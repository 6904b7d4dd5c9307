using System.Diagnostics.CodeAnalysis;

namespace PaaS.Scheduler.Framework;

/// <summary>
/// Data one plugin computes once per scheduling cycle (in PreFilter or PreScore) and reads per node afterwards,
/// keyed by plugin name. A new instance per <see cref="SchedulingFramework.Schedule"/> call.
/// </summary>
public sealed class CycleState
{
    private readonly Dictionary<string, object> data = new(StringComparer.Ordinal);

    public void Write(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        data[key] = value;
    }

    /// <exception cref="InvalidOperationException">Nothing of that type was written under the key: a plugin ordering bug.</exception>
    public T Read<T>(string key) where T : class =>
        TryRead<T>(key, out var value) ? value : throw new InvalidOperationException($"cycle state has no {typeof(T).Name} under \"{key}\"");

    public bool TryRead<T>(string key, [NotNullWhen(true)] out T? value) where T : class
    {
        value = data.GetValueOrDefault(key) as T;
        return value is not null;
    }
}
