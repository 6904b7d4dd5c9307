using System.Security.Claims;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Tenancy;

namespace PaaS.ApiServer.Authorization;

/// <summary>Applies <see cref="AccessRules"/> to a request with the current tenancy; a denial is a 403 Status.</summary>
internal sealed class Authorizer(TenancyCache tenancy)
{
    public async ValueTask<AccessDecision> DecideAsync(ClaimsPrincipal user, AccessRequest request, CancellationToken ct) =>
        AccessRules.Decide(user, await tenancy.GetAsync(ct), request);

    public async ValueTask<AccessDecision> AuthorizeAsync(ClaimsPrincipal user, AccessRequest request, CancellationToken ct)
    {
        var decision = await DecideAsync(user, request, ct);
        return decision.Allowed ? decision : throw ApiException.Forbidden(decision.Reason ?? AccessRules.Denial(user, request));
    }
}
