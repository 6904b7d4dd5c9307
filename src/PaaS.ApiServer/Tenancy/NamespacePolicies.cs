using System.Collections.Concurrent;
using k8s.Models;
using Npgsql;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Tenancy;

/// <summary>A namespace's LimitRanges and the resources its ResourceQuotas (and its team's quota, as <c>team/&lt;name&gt;</c>) constrain, for pod admission.</summary>
internal sealed record NamespacePolicy(IReadOnlyList<V1LimitRange> LimitRanges, IReadOnlyList<(string Quota, IReadOnlyCollection<string> Resources)> Quotas);

/// <summary>
/// Caches <see cref="NamespacePolicy"/> per namespace, dropped whenever a limit range, quota, namespace
/// or team changes anywhere (<see cref="CacheInvalidation"/>): they change rarely, pods are created often.
/// </summary>
internal sealed class NamespacePolicies(NpgsqlDataSource dataSource, CacheInvalidation invalidation)
{
    private readonly ConcurrentDictionary<string, NamespacePolicy> _byNamespace = new(StringComparer.Ordinal);
    private long _version = -1;

    public async ValueTask<NamespacePolicy> GetAsync(string ns, CancellationToken ct)
    {
        var version = invalidation.TenancyVersion;
        if (Interlocked.Exchange(ref _version, version) != version || !invalidation.Listening)
        {
            _byNamespace.Clear();
        }

        if (_byNamespace.TryGetValue(ns, out var cached))
        {
            return cached;
        }

        var policy = await LoadAsync(ns, ct);
        if (invalidation.TenancyVersion == version)
        {
            _byNamespace[ns] = policy;
        }

        return policy;
    }

    private async Task<NamespacePolicy> LoadAsync(string ns, CancellationToken ct)
    {
        // The namespace's limit ranges and quotas, and its team (whose team-wide quota also needs requests and limits set).
        await using var command = dataSource.CreateCommand("""
            SELECT resource, name, body::text FROM objects WHERE namespace = @ns AND resource IN ('limitranges', 'resourcequotas')
            UNION ALL
            SELECT t.resource, 'team/' || t.name, t.body::text FROM objects n
            JOIN objects t ON t.resource = 'teams.paas.dev' AND t.namespace = '' AND t.name = n.labels ->> 'paas.dev/team'
            WHERE n.resource = 'namespaces' AND n.namespace = '' AND n.name = @ns
            ORDER BY 1, 2
            """);
        command.Parameters.AddWithValue("ns", ns);
        var ranges = new List<V1LimitRange>();
        var quotas = new List<(string, IReadOnlyCollection<string>)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetString(0) == "limitranges")
            {
                ranges.Add((V1LimitRange)ObjectJson.ToModel(ResourceTypes.LimitRange, reader.GetString(2)));
            }
            else if (reader.GetString(0) == ResourceTypes.Team.GroupResource)
            {
                var team = (V1Team)ObjectJson.ToModel(ResourceTypes.Team, reader.GetString(2));
                quotas.Add((reader.GetString(1), QuotaHard.Parse(team.Spec.Quota?.Hard).Keys.ToList()));
            }
            else
            {
                var quota = (V1ResourceQuota)ObjectJson.ToModel(ResourceTypes.ResourceQuota, reader.GetString(2));
                quotas.Add((reader.GetString(1), QuotaHard.Parse(quota.Spec?.Hard).Keys.ToList()));
            }
        }

        return new NamespacePolicy(ranges, quotas);
    }
}
