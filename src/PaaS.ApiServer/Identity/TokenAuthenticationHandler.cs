using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaaS.ApiServer.Api;

namespace PaaS.ApiServer.Identity;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>. Resolved identities are cached for a few seconds so the hot
/// path does not query the database per request; a revoked token stops working within that window.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IdentityService identities,
    IMemoryCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "PaasToken";
    public const string AdminClaim = "paas:admin";
    public const string KindClaim = "paas:kind";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var key = "token:" + TokenHasher.Hash(token);
        if (!cache.TryGetValue(key, out ApiIdentity? identity))
        {
            identity = await identities.AuthenticateAsync(token, Context.RequestAborted);
            if (identity is null)
            {
                return AuthenticateResult.Fail("invalid bearer token");
            }

            cache.Set(key, identity, CacheFor);
        }

        var claims = new[]
        {
            new Claim(ClaimTypes.Name, identity!.Name),
            new Claim(ClaimTypes.NameIdentifier, identity.Id.ToString()),
            new Claim(KindClaim, identity.Kind.ToString()),
            new Claim(AdminClaim, identity.IsAdmin ? "true" : "false"),
        };
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        StatusResults.WriteAsync(Context, new ApiException(System.Net.HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized: a valid bearer token is required"));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        StatusResults.WriteAsync(Context, ApiException.Forbidden("forbidden"));
}
