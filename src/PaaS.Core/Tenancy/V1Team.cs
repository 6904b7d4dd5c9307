using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace PaaS.Core.Tenancy;

/// <summary>
/// A team: the tenant. Cluster-scoped, in the platform's own group <c>paas.dev/v1</c>. It lists its
/// members and their roles and may carry a team-wide quota (the sum over all its namespaces, as
/// Capsule adds to Kubernetes). Namespaces belong to a team through the label <see cref="TeamLabel"/>.
/// </summary>
[KubernetesEntity(Group = "paas.dev", Kind = "Team", ApiVersion = "v1", PluralName = "teams")]
public sealed class V1Team : IKubernetesObject<V1ObjectMeta>, ISpec<V1TeamSpec>
{
    /// <summary>The namespace label that assigns a namespace to a team (only admins set it).</summary>
    public const string TeamLabel = "paas.dev/team";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "paas.dev/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Team";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public V1TeamSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public V1TeamStatus? Status { get; set; }
}

public sealed class V1TeamSpec
{
    /// <summary>Who belongs to the team and with which role.</summary>
    [JsonPropertyName("members")]
    public IList<V1TeamMember>? Members { get; set; }

    /// <summary>Team-wide limits over the sum of all the team's namespaces (only <c>hard</c> is used).</summary>
    [JsonPropertyName("quota")]
    public V1ResourceQuotaSpec? Quota { get; set; }
}

public sealed class V1TeamMember
{
    /// <summary>A user name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary><c>owner</c>, <c>developer</c> or <c>viewer</c>.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }
}

public sealed class V1TeamStatus
{
    /// <summary>The namespaces labelled with this team.</summary>
    [JsonPropertyName("namespaces")]
    public IList<string>? Namespaces { get; set; }

    /// <summary>The team-wide quota's hard limits and current use.</summary>
    [JsonPropertyName("quota")]
    public V1ResourceQuotaStatus? Quota { get; set; }
}
