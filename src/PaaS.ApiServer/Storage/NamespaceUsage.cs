namespace PaaS.ApiServer.Storage;

/// <summary>
/// The quota ledger: how much of a resource a namespace's objects use, kept by <c>paas_charge_usage</c>
/// in the same transaction as every write and rebuilt from the objects at start-up.
/// </summary>
internal sealed class NamespaceUsage
{
    public required string Namespace { get; set; }

    /// <summary>A quota resource name (<c>pods</c>, <c>requests.cpu</c>, <c>count/deployments.apps</c>).</summary>
    public required string Resource { get; set; }

    /// <summary>Exact: CPU in cores, memory in bytes, counts.</summary>
    public decimal Used { get; set; }
}
