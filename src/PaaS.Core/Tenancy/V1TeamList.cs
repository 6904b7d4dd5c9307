using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace PaaS.Core.Tenancy;

/// <summary>A list of teams, as <c>GET /apis/paas.dev/v1/teams</c> returns it.</summary>
[KubernetesEntity(Group = "paas.dev", Kind = "TeamList", ApiVersion = "v1", PluralName = "teams")]
public sealed class V1TeamList : IKubernetesObject<V1ListMeta>, IItems<V1Team>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "paas.dev/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "TeamList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The teams.</summary>
    [JsonPropertyName("items")]
    public IList<V1Team> Items { get; set; } = [];
}
