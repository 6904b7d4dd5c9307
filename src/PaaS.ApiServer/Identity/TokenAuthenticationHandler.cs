using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaaS.ApiServer.Api;

namespace PaaS.ApiServer.Identity;

/// <summary><c>Authorization: Bearer &lt;token&gt;</c>, resolved by <see cref="IdentityService.AuthenticateAsync"/>.</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IdentityService identities) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "PaasToken";
    public const string AdminClaim = "paas:admin";
    public const string KindClaim = "paas:kind";
    public const string TokenClaim = "paas:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (await identities.AuthenticateAsync(token, Context.RequestAborted) is not { } found)
        {
            return AuthenticateResult.Fail("invalid bearer token");
        }

        var (identity, tokenId) = found;

        var claims = new[]
        {
            new Claim(ClaimTypes.Name, identity.Name),
            new Claim(ClaimTypes.NameIdentifier, identity.Id.ToString()),
            new Claim(KindClaim, identity.Kind.ToString()),
            new Claim(AdminClaim, identity.IsAdmin ? "true" : "false"),
            new Claim(TokenClaim, tokenId.ToString()),
        };
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        StatusResults.WriteAsync(Context, new ApiException(System.Net.HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized: a valid bearer token is required"));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        StatusResults.WriteAsync(Context, ApiException.Forbidden("forbidden"));
}
