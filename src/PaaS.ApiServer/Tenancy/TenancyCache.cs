using System.Text.Json;
using Npgsql;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Tenancy;

/// <summary>
/// The current <see cref="TenancySnapshot"/>, rebuilt from the database whenever teams or namespaces
/// changed (see <see cref="CacheInvalidation"/>), so authorizing a request costs no query.
/// </summary>
internal sealed class TenancyCache(NpgsqlDataSource dataSource, CacheInvalidation invalidation) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private (long Version, TenancySnapshot Snapshot)? _current;

    public async ValueTask<TenancySnapshot> GetAsync(CancellationToken ct)
    {
        var wanted = invalidation.TenancyVersion;
        if (invalidation.Listening && _current is { } c && c.Version == wanted)
        {
            return c.Snapshot;
        }

        await _reload.WaitAsync(ct);
        try
        {
            wanted = invalidation.TenancyVersion;
            if (invalidation.Listening && _current is { } again && again.Version == wanted)
            {
                return again.Snapshot;
            }

            var snapshot = await LoadAsync(ct);
            _current = (wanted, snapshot);
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<TenancySnapshot> LoadAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT resource, name, labels ->> @label, body::text FROM objects WHERE (resource = 'namespaces' AND labels ? @label) OR resource = @teams");
        command.Parameters.AddWithValue("label", V1Team.TeamLabel);
        command.Parameters.AddWithValue("teams", ResourceTypes.Team.GroupResource);
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var teams = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetString(0) == "namespaces")
            {
                namespaces[reader.GetString(1)] = reader.GetString(2);
                continue;
            }

            var team = JsonSerializer.Deserialize<V1Team>(reader.GetString(3), ObjectJson.Options)!;
            teams[reader.GetString(1)] = (team.Spec.Members ?? [])
                .Where(m => m.Name is not null && m.Role is not null)
                .ToDictionary(m => m.Name!, m => m.Role!, StringComparer.Ordinal);
        }

        return new TenancySnapshot(namespaces, teams);
    }

    public void Dispose() => _reload.Dispose();
}
