using System.Security.Claims;

namespace PaaS.ApiServer.Identity;

internal static class CallerExtensions
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(TokenAuthenticationHandler.AdminClaim, "true");

    public static bool IsSystem(this ClaimsPrincipal user) => user.HasClaim(TokenAuthenticationHandler.KindClaim, nameof(IdentityKind.System));

    public static string DisplayName(this ClaimsPrincipal user) => user.Identity?.Name ?? "system:anonymous";
}
