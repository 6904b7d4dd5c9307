using System.Reflection;
using System.Text.RegularExpressions;
using k8s.Models;
using PaaS.Core.Resources;

namespace PaaS.Core.OpenApi;

/// <summary>
/// Kubernetes' component names (<c>io.k8s.api.apps.v1.DeploymentSpec</c>) for <c>k8s.Models</c> types.
/// The C# names keep only the version and kind, so the group of nested types comes from a small table
/// covering the groups this server serves; anything else is core.
/// </summary>
internal static partial class SchemaNames
{
    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public const string Patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    private const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta.v1";

    private static readonly HashSet<string> MetaKinds = new(StringComparer.Ordinal)
    {
        "ObjectMeta", "ListMeta", "LabelSelector", "LabelSelectorRequirement", "OwnerReference",
        "ManagedFieldsEntry", "Status", "StatusDetails", "StatusCause", "DeleteOptions", "Preconditions", "Condition",
        "APIResource", "APIResourceList", "APIGroup", "APIGroupList", "APIVersions", "GroupVersionForDiscovery",
        "ServerAddressByClientCIDR", "WatchEvent",
    };

    private static readonly (string Prefix, string Group)[] NestedGroups =
    [
        ("Deployment", "apps"), ("ReplicaSet", "apps"), ("StatefulSet", "apps"), ("DaemonSet", "apps"),
        ("RollingUpdate", "apps"), ("ControllerRevision", "apps"), ("Lease", "coordination"),
    ];

    public static string For(Type model)
    {
        if (model.Assembly == typeof(SchemaNames).Assembly && PlatformName(model) is { } platform)
        {
            return platform;
        }

        var match = ModelName().Match(model.Name);
        if (!match.Success)
        {
            return "k8s.Models." + model.Name;
        }

        var version = "v" + match.Groups["version"].Value;
        var kind = match.Groups["kind"].Value;
        if (MetaKinds.Contains(kind))
        {
            return $"{MetaPackage}.{kind}";
        }

        return $"io.k8s.api.{GroupOf(model, match.Groups["group"].Value, kind)}.{version}.{kind}";
    }

    /// <summary>
    /// The platform's own kinds are named as Kubernetes names custom resource schemas: the group reversed, then the
    /// version and kind (paas.dev/v1 Team is <c>dev.paas.v1.Team</c>, its spec <c>dev.paas.v1.TeamSpec</c>).
    /// </summary>
    private static string? PlatformName(Type model)
    {
        var match = ModelName().Match(model.Name);
        var group = model.GetCustomAttribute<KubernetesEntityAttribute>()?.Group
            ?? ResourceTypes.All.FirstOrDefault(t => t.IsCustomResource && t.ModelType.Namespace == model.Namespace)?.Group;
        if (!match.Success || group is null)
        {
            return null;
        }

        return $"{string.Join('.', group.Split('.').Reverse())}.v{match.Groups["version"].Value}.{match.Groups["kind"].Value}";
    }

    private static string GroupOf(Type model, string prefixGroup, string kind)
    {
        // Top-level kinds carry their group; "coordination.k8s.io" is "coordination" in package paths.
        var entity = model.GetCustomAttribute<KubernetesEntityAttribute>();
        if (entity is not null)
        {
            return entity.Group.Length == 0 ? "core" : entity.Group.Split('.')[0];
        }

        // Names clashing across groups carry the group in C# (Corev1Event, Eventsv1Event).
        if (prefixGroup.Length > 0)
        {
            return prefixGroup.ToLowerInvariant();
        }

        foreach (var (prefix, group) in NestedGroups)
        {
            if (kind.StartsWith(prefix, StringComparison.Ordinal))
            {
                return group;
            }
        }

        return "core";
    }

    [GeneratedRegex("^(?:(?<group>[A-Z][a-z0-9]*?)v|V)(?<version>[0-9]+(?:(?:alpha|beta)[0-9]+)?)(?<kind>[A-Z].*)$")]
    private static partial Regex ModelName();
}
