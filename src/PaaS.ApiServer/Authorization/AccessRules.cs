using System.Security.Claims;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Tenancy;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Authorization;

/// <summary>
/// Who may do what, in one place: the API's checks and <c>kubectl auth can-i</c> (SelfSubjectAccessReview)
/// answer from these rules.
/// <list type="bullet">
/// <item>Platform admins may do everything except write status (only the platform's parts report status).</item>
/// <item>Team members act in their team's namespaces by role: viewers read everything but secrets;
/// developers also read secrets and write workloads, services, config maps, secrets and events; owners
/// also manage the team's members. Quotas, limit ranges, namespaces, teams and nodes are admins' to
/// write. A namespace of another team answers 403 whether or not it exists, so nothing leaks; lists
/// and watches across namespaces show only the caller's namespaces (and teams).</item>
/// <item>System identities (<c>system:controllers</c>, <c>system:scheduler</c>, <c>system:gateway</c>,
/// <c>system:builder</c>, <c>system:node:&lt;name&gt;</c>) get only what their part needs; a node agent
/// writes only its own Node and Lease and the pods bound to it.</item>
/// </list>
/// </summary>
internal static class AccessRules
{
    public const string Controllers = "system:controllers";
    public const string Scheduler = "system:scheduler";
    public const string Gateway = "system:gateway";
    public const string Builder = "system:builder";
    public const string NodePrefix = "system:node:";
    public const string NodeLeaseNamespace = "kube-node-lease";
    public const string LeaderElectionNamespace = "kube-system";

    /// <summary>Kinds a developer writes; everything else namespaced is read-only for team members.</summary>
    private static readonly HashSet<ResourceType> DeveloperWritable =
    [
        ResourceTypes.Pod, ResourceTypes.Service, ResourceTypes.Deployment, ResourceTypes.ReplicaSet,
        ResourceTypes.ConfigMap, ResourceTypes.Secret, ResourceTypes.Event, ResourceTypes.Endpoints,
    ];

    public static bool IsKnownSystemIdentity(string name) =>
        name is Controllers or Scheduler or Gateway or Builder
        || (name.StartsWith(NodePrefix, StringComparison.Ordinal) && name.Length > NodePrefix.Length);

    public static AccessDecision Decide(ClaimsPrincipal user, TenancySnapshot tenancy, AccessRequest request)
    {
        var writesStatus = request.Subresource == "status" && !request.IsRead;
        if (user.IsSystem())
        {
            return SystemRules(user.DisplayName(), request) is { } reason ? AccessDecision.Deny(Denial(user, request, reason)) : Allowed(user, request);
        }

        if (writesStatus)
        {
            return AccessDecision.Deny(Denial(user, request, "only the platform's system identities write status"));
        }

        if (user.IsAdmin())
        {
            return AccessDecision.Allow;
        }

        return TeamRules(user, tenancy, request);
    }

    /// <summary>Kubernetes' wording for a denial, naming the user, verb, resource and scope.</summary>
    public static string Denial(ClaimsPrincipal user, AccessRequest request, string? why = null) =>
        Denial(user.DisplayName(), request.Verb, request.Type.Group, request.Type.Plural, request.Subresource, request.Namespace, why);

    public static string Denial(string user, string verb, string group, string resource, string? subresource, string? ns, string? why = null)
    {
        var what = subresource is null ? resource : $"{resource}/{subresource}";
        var scope = string.IsNullOrEmpty(ns) ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        var groupResource = group.Length == 0 ? resource : $"{resource}.{group}";
        return $"{groupResource} is forbidden: User \"{user}\" cannot {verb} resource \"{what}\" in API group \"{group}\" {scope}{(why is null ? "" : ": " + why)}";
    }

    private static AccessDecision TeamRules(ClaimsPrincipal user, TenancySnapshot tenancy, AccessRequest request)
    {
        var name = user.DisplayName();
        var type = request.Type;
        if (type.Namespaced)
        {
            var needed = NeededRole(request);
            if (needed is null)
            {
                return AccessDecision.Deny(Denial(user, request, "only platform admins write " + type.Plural));
            }

            if (string.IsNullOrEmpty(request.Namespace))
            {
                // Across all namespaces: only the caller's own are listed or watched.
                return request.IsRead
                    ? AccessDecision.Allow with { VisibleNamespaces = tenancy.NamespacesOf(name, needed) }
                    : AccessDecision.Deny(Denial(user, request));
            }

            var role = tenancy.RoleIn(name, request.Namespace);
            return TenancySnapshot.Rank(role) >= TenancySnapshot.Rank(needed)
                ? AccessDecision.Allow
                : AccessDecision.Deny(Denial(user, request, role is null ? null : $"the {role} role does not allow it"));
        }

        if (type == ResourceTypes.Namespace && request.IsRead)
        {
            if (request.Name is null)
            {
                return AccessDecision.Allow with { VisibleNames = tenancy.NamespacesOf(name, TeamRoles.Viewer) };
            }

            return tenancy.RoleIn(name, request.Name) is not null ? AccessDecision.Allow : AccessDecision.Deny(Denial(user, request));
        }

        if (type == ResourceTypes.Team)
        {
            if (request.IsRead)
            {
                if (request.Name is null)
                {
                    return AccessDecision.Allow with { VisibleNames = tenancy.TeamsOf(name).Keys.ToList() };
                }

                return tenancy.RoleInTeam(name, request.Name) is not null ? AccessDecision.Allow : AccessDecision.Deny(Denial(user, request));
            }

            if (request.Verb is "update" or "patch" && request.Subresource is null && request.Name is not null
                && tenancy.RoleInTeam(name, request.Name) == TeamRoles.Owner)
            {
                return AccessDecision.Allow with { Guard = new MembersOnlyGuard(Denial(user, request)) };
            }

            return AccessDecision.Deny(Denial(user, request, "only platform admins create, delete and set quotas on teams; owners manage members"));
        }

        return AccessDecision.Deny(Denial(user, request, "only platform admins may"));
    }

    /// <summary>The least role a team member needs for the request in a namespace; null when no team role suffices.</summary>
    private static string? NeededRole(AccessRequest request)
    {
        if (request.IsRead)
        {
            return request.Type == ResourceTypes.Secret ? TeamRoles.Developer : TeamRoles.Viewer;
        }

        if (request.Subresource is "scale")
        {
            return TeamRoles.Developer;
        }

        return request.Subresource is null && DeveloperWritable.Contains(request.Type) ? TeamRoles.Developer : null;
    }

    private static AccessDecision Allowed(ClaimsPrincipal user, AccessRequest request)
    {
        var name = user.DisplayName();
        if (!name.StartsWith(NodePrefix, StringComparison.Ordinal))
        {
            return AccessDecision.Allow;
        }

        var node = name[NodePrefix.Length..];
        var type = request.Type;
        if (type == ResourceTypes.Pod)
        {
            return request.Verb is "list" or "watch"
                ? AccessDecision.Allow with { RequiredField = ("spec.nodeName", node) }
                : AccessDecision.Allow with { Guard = new PodOnNodeGuard(node, Denial(user, request)) };
        }

        if ((type == ResourceTypes.Node || type == ResourceTypes.Lease) && !request.IsRead)
        {
            return AccessDecision.Allow with { Guard = new OwnNameGuard(node, Denial(user, request)) };
        }

        // Like Kubernetes' node authorizer: only the secrets and config maps its pods use.
        return type == ResourceTypes.Secret || type == ResourceTypes.ConfigMap
            ? AccessDecision.Allow with { ReferencedByPodsOfNode = node }
            : AccessDecision.Allow;
    }

    /// <summary>Null when the system identity may; otherwise why not.</summary>
    private static string? SystemRules(string name, AccessRequest request)
    {
        var type = request.Type;
        var read = request.IsRead;
        var events = type == ResourceTypes.Event && request.Verb is "create" or "update" or "patch" or "get" or "list" or "watch";
        switch (name)
        {
            case Controllers:
                // Everything the controllers reconcile, but never secrets' contents or tenancy itself.
                return type == ResourceTypes.Secret || (type == ResourceTypes.Team && !read) ? "the controllers do not handle " + type.Plural : null;
            case Scheduler:
                return (read && (type == ResourceTypes.Pod || type == ResourceTypes.Node || type == ResourceTypes.Namespace))
                    || (type == ResourceTypes.Pod && request.Subresource is "status" or "binding")
                    || (type == ResourceTypes.Lease && request.Namespace == LeaderElectionNamespace)
                    || events
                    ? null
                    : "the scheduler only reads pods and nodes, binds pods and reports scheduling";
            case Gateway:
                return (read && (type == ResourceTypes.Service || type == ResourceTypes.Endpoints || type == ResourceTypes.Pod || type == ResourceTypes.Node))
                    || (type == ResourceTypes.Service && request.Subresource == "status")
                    || events
                    ? null
                    : "the gateway only reads services, endpoints, pods and nodes and reports service status";
            case Builder:
                return (type == ResourceTypes.Deployment && (read || request.Verb is "update" or "patch"))
                    || (read && type == ResourceTypes.Namespace)
                    || events
                    ? null
                    : "builders only read and update deployments";
        }

        if (!name.StartsWith(NodePrefix, StringComparison.Ordinal))
        {
            return "unknown system identity";
        }

        var node = name[NodePrefix.Length..];
        if (type == ResourceTypes.Node)
        {
            // A create names the object only in its body: the guard checks it.
            return read || request.Name == node || (request.Name is null && request.Verb == "create") ? null : $"a node agent writes only its own Node \"{node}\"";
        }

        if (type == ResourceTypes.Lease)
        {
            return request.Namespace == NodeLeaseNamespace && (request.Name == node || (read && request.Name is null) || request.Verb == "create")
                ? null
                : $"a node agent only holds its own Lease in {NodeLeaseNamespace}";
        }

        if (type == ResourceTypes.Pod)
        {
            return read || request.Subresource == "status" || request.Verb == "delete" ? null : "a node agent only reports the status of and removes the pods bound to it";
        }

        return (read && (type == ResourceTypes.Service || type == ResourceTypes.Endpoints || type == ResourceTypes.Namespace))
            || (request.Verb == "get" && (type == ResourceTypes.Secret || type == ResourceTypes.ConfigMap))
            || events
            ? null
            : "node agents only read what their pods need";
    }
}
