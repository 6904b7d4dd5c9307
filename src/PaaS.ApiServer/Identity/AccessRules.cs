using System.Security.Claims;

namespace PaaS.ApiServer.Identity;

/// <summary>
/// Who may do what, in one place: the API's checks and <c>kubectl auth can-i</c> (SelfSubjectAccessReview)
/// answer from the same rule. Until teams and roles exist: admins may do everything; system identities
/// (the platform's own parts) too; only system identities write status; anyone else is denied, as in
/// RBAC's default.
/// </summary>
internal static class AccessRules
{
    public static bool Allows(ClaimsPrincipal user, string verb, string? subresource)
    {
        var writesStatus = subresource == "status" && verb is not ("get" or "list" or "watch");
        return writesStatus ? user.IsSystem() : user.IsAdmin() || user.IsSystem();
    }

    /// <summary>Kubernetes' wording for a denial, naming the user, verb, resource and scope.</summary>
    public static string Denial(ClaimsPrincipal user, string verb, string group, string resource, string? subresource, string? ns)
    {
        var what = subresource is null ? resource : $"{resource}/{subresource}";
        var scope = string.IsNullOrEmpty(ns) ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        var why = subresource == "status" ? ": only the platform's system identities write status" : "";
        var groupResource = group.Length == 0 ? resource : $"{resource}.{group}";
        return $"{groupResource} is forbidden: User \"{user.DisplayName()}\" cannot {verb} resource \"{what}\" in API group \"{group}\" {scope}{why}";
    }
}
