using System.Collections.Concurrent;
using System.Text.Json;
using k8s.Models;
using Npgsql;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Tenancy;

/// <summary>
/// What governs writes in one namespace, as of the store's policy version <see cref="Version"/>: its
/// LimitRanges, its ResourceQuotas' limits and its team's quota (limits and the team's namespaces).
/// </summary>
internal sealed record NamespacePolicy(
    long Version,
    IReadOnlyList<V1LimitRange> LimitRanges,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Quotas,
    string? Team,
    IReadOnlyDictionary<string, decimal>? TeamLimits,
    string[] TeamNamespaces)
{
    /// <summary>Whether any quota applies, so the write must book its usage in the ledger.</summary>
    public bool Tracked => Quotas.Count > 0 || TeamLimits is not null;

    /// <summary>The quotas' limits for <c>paas_write_object</c> (quota name → resource → limit).</summary>
    public string? LimitsJson { get; } = Quotas.Count == 0 ? null : JsonSerializer.Serialize(Quotas);

    public string? TeamLimitsJson { get; } = TeamLimits is null ? null : JsonSerializer.Serialize(TeamLimits);

    /// <summary>Each quota (the team's as <c>team/&lt;name&gt;</c>) and the resources it constrains, for the "must specify" rule.</summary>
    public IEnumerable<(string Quota, IReadOnlyCollection<string> Resources)> Constraints =>
        Quotas.Select(q => (q.Key, (IReadOnlyCollection<string>)q.Value.Keys.ToList()))
            .Concat(TeamLimits is null ? [] : [($"team/{Team}", (IReadOnlyCollection<string>)TeamLimits.Keys.ToList())]);
}

/// <summary>
/// Caches <see cref="NamespacePolicy"/> per namespace, dropped whenever a limit range, quota, namespace
/// or team changes anywhere (<see cref="CacheInvalidation"/>): they change rarely, pods are created often.
/// A stale entry cannot do harm: the write function refuses a write made with an old policy version,
/// and the store retries it with a fresh policy.
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
        // One statement, so the policy version and the rows come from one snapshot.
        await using var command = dataSource.CreateCommand("""
            SELECT 'version', '', policy_version::text FROM store_counter WHERE id = 1
            UNION ALL
            SELECT resource, name, body::text FROM objects WHERE namespace = @ns AND resource IN ('limitranges', 'resourcequotas')
            UNION ALL
            SELECT t.resource, t.name, t.body::text FROM objects n
            JOIN objects t ON t.resource = 'teams.paas.dev' AND t.namespace = '' AND t.name = n.labels ->> 'paas.dev/team'
            WHERE n.resource = 'namespaces' AND n.namespace = '' AND n.name = @ns
            UNION ALL
            SELECT 'team-namespace', m.name, '' FROM objects n
            JOIN objects m ON m.resource = 'namespaces' AND m.labels @> jsonb_build_object('paas.dev/team', n.labels ->> 'paas.dev/team')
            WHERE n.resource = 'namespaces' AND n.namespace = '' AND n.name = @ns AND n.labels ? 'paas.dev/team'
            """);
        command.Parameters.AddWithValue("ns", ns);
        long version = 0;
        var ranges = new List<V1LimitRange>();
        var quotas = new SortedDictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
        string? team = null;
        IReadOnlyDictionary<string, decimal>? teamLimits = null;
        var teamNamespaces = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (kind, name, body) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            switch (kind)
            {
                case "version":
                    version = long.Parse(body, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "limitranges":
                    ranges.Add((V1LimitRange)ObjectJson.ToModel(ResourceTypes.LimitRange, body));
                    break;
                case "resourcequotas":
                    quotas[name] = QuotaHard.Parse(((V1ResourceQuota)ObjectJson.ToModel(ResourceTypes.ResourceQuota, body)).Spec?.Hard);
                    break;
                case "team-namespace":
                    teamNamespaces.Add(name);
                    break;
                default:
                    team = name;
                    var hard = ((V1Team)ObjectJson.ToModel(ResourceTypes.Team, body)).Spec.Quota?.Hard;
                    teamLimits = hard is { Count: > 0 } ? QuotaHard.Parse(hard) : null;
                    break;
            }
        }

        return new NamespacePolicy(version, ranges, quotas, team, teamLimits, teamNamespaces.ToArray());
    }
}
