using System.Security.Claims;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Tenancy;

namespace PaaS.ApiServer.Authorization;

/// <summary>Applies <see cref="AccessRules"/> to a request with the current tenancy; a denial is a 403 Status.</summary>
internal sealed class Authorizer(TenancyCache tenancy)
{
    public async ValueTask<AccessDecision> DecideAsync(ClaimsPrincipal user, AccessRequest request, CancellationToken ct)
    {
        // Admins' and system identities' rules do not depend on teams: no need to load them.
        var snapshot = user.IsAdmin() || user.IsSystem() ? TenancySnapshot.Empty : await tenancy.GetAsync(ct);
        return AccessRules.Decide(user, snapshot, request);
    }

    public async ValueTask<AccessDecision> AuthorizeAsync(ClaimsPrincipal user, AccessRequest request, CancellationToken ct)
    {
        var decision = await DecideAsync(user, request, ct);
        return decision.Allowed ? decision : throw ApiException.Forbidden(decision.Reason ?? AccessRules.Denial(user, request));
    }
}
