namespace PaaS.ApiServer.Storage;

/// <summary>
/// One stored object. The full Kubernetes JSON lives in <see cref="Body"/>; the other columns are
/// copies of the fields the hot queries filter on (labels, node, phase, deletion).
/// </summary>
internal sealed class StoredObject
{
    /// <summary>Group-qualified resource (<c>deployments.apps</c>, <c>pods</c>).</summary>
    public required string Resource { get; set; }

    /// <summary>Empty for cluster-scoped kinds, so the primary key has no nulls.</summary>
    public required string Namespace { get; set; }

    public required string Name { get; set; }

    public Guid Uid { get; set; }

    public long ResourceVersion { get; set; }

    /// <summary>metadata.labels as jsonb, for label selectors in SQL.</summary>
    public required string Labels { get; set; }

    public string? NodeName { get; set; }

    public string? Phase { get; set; }

    public DateTimeOffset? DeletionTimestamp { get; set; }

    /// <summary>The object as served, in <c>json</c> (not <c>jsonb</c>) so field order is kept as written.</summary>
    public required string Body { get; set; }

    /// <summary>What the object counts against quotas (<c>{"pods": 1, "requests.cpu": 0.5}</c>), booked in <see cref="NamespaceUsage"/>.</summary>
    public string? Usage { get; set; }
}
