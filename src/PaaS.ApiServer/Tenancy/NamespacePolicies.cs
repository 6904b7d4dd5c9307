using System.Collections.Concurrent;
using k8s.Models;
using Npgsql;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Tenancy;

/// <summary>A namespace's LimitRanges and the resources its ResourceQuotas constrain, for pod admission.</summary>
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
        await using var command = dataSource.CreateCommand(
            "SELECT resource, name, body::text FROM objects WHERE namespace = @ns AND resource IN ('limitranges', 'resourcequotas') ORDER BY resource, name");
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
            else
            {
                var quota = (V1ResourceQuota)ObjectJson.ToModel(ResourceTypes.ResourceQuota, reader.GetString(2));
                quotas.Add((reader.GetString(1), QuotaHard.Parse(quota.Spec?.Hard).Keys.ToList()));
            }
        }

        return new NamespacePolicy(ranges, quotas);
    }
}
