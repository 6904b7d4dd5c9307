namespace PaaS.Core.Resources;

/// <summary>
/// One kind the API serves: where it lives in the URL space and how it is stored.
/// </summary>
/// <param name="Group">API group; empty for the core (<c>v1</c>) group.</param>
/// <param name="Plural">Lower-case plural used in URLs (<c>deployments</c>).</param>
/// <param name="ModelType">The <c>k8s.Models</c> type that carries the kind's exact JSON shape.</param>
/// <param name="NameIsLabel">Names must be DNS-1123 labels (namespaces, services) rather than subdomains.</param>
/// <param name="HasStatus">Serves a <c>/status</c> subresource; status is ignored on create and on main-resource writes.</param>
/// <param name="HasScale">Serves an <c>autoscaling/v1</c> <c>/scale</c> subresource over <c>spec.replicas</c>.</param>
/// <param name="InCategoryAll">Listed by <c>kubectl get all</c> (discovery's <c>categories: [all]</c>).</param>
/// <param name="IsCustomResource">The platform's own kind, served as Kubernetes serves custom resources: no strategic
/// merge patch (Go struct tags would be needed for it), and kubectl sends it JSON rather than protobuf.</param>
public sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    Type ModelType,
    IReadOnlyList<string> ShortNames,
    bool NameIsLabel = false,
    bool HasStatus = true,
    bool HasScale = false,
    bool InCategoryAll = false,
    bool IsCustomResource = false)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Kubernetes' group-qualified resource name (<c>deployments.apps</c>, <c>pods</c>): used in messages and as the storage key.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string Singular => Kind.ToLowerInvariant();

    public string ListKind => Kind + "List";
}
