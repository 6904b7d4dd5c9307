using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Objects;
using PaaS.ApiServer.Tenancy;

namespace PaaS.ApiServer.Identity;

/// <summary>
/// The platform's own endpoints for people (what <c>paasctl</c> calls), next to the Kubernetes API:
/// <c>/paas/v1/login</c>, <c>logout</c>, <c>whoami</c>, <c>tokens</c> (the caller's own) and
/// <c>users</c> (admins). Tokens are shown once, at creation. Lifetimes: a login token lasts 7 days, a
/// created token 90 days, unless <c>expiresInSeconds</c> says otherwise (at most 10 years).
/// </summary>
internal static partial class IdentityApi
{
    public const string Prefix = "/paas/v1";
    private static readonly TimeSpan LoginLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(90);
    private const int MinimumPasswordLength = 8;

    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        app.MapPost($"{Prefix}/login", LoginAsync).AllowAnonymous();
        var authenticated = app.MapGroup(Prefix).RequireAuthorization();
        authenticated.MapPost("/logout", LogoutAsync);
        authenticated.MapGet("/whoami", WhoAmIAsync);
        authenticated.MapGet("/tokens", ListTokensAsync);
        authenticated.MapPost("/tokens", CreateTokenAsync);
        authenticated.MapDelete("/tokens/{id}", RevokeTokenAsync);
        authenticated.MapGet("/users", ListUsersAsync);
        authenticated.MapPost("/users", CreateUserAsync);
        return app;
    }

    private static async Task LoginAsync(HttpContext context, IdentityService identities)
    {
        var body = await RequestBodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        var username = Required(body, "username");
        var password = Required(body, "password");
        var user = await identities.VerifyPasswordAsync(username, password, context.RequestAborted)
            ?? throw new ApiException(HttpStatusCode.Unauthorized, "Unauthorized", "invalid username or password");
        var description = RequestFields.String(body["description"], "description") ?? "login";
        var (token, record) = await identities.IssueTokenAsync(user.Id, description, Lifetime(body, LoginLifetime), context.RequestAborted);
        await WriteAsync(context, 200, new JsonObject { ["token"] = token, ["user"] = user.Name, ["expiresAt"] = record.ExpiresAt });
    }

    private static async Task LogoutAsync(HttpContext context, IdentityService identities)
    {
        await identities.RevokeAsync(CallerId(context.User), CurrentTokenId(context.User), context.RequestAborted);
        await WriteAsync(context, 200, new JsonObject());
    }

    private static async Task WhoAmIAsync(HttpContext context, TenancyCache tenancy)
    {
        var user = context.User;
        var snapshot = await tenancy.GetAsync(context.RequestAborted);
        var teams = user.IsAdmin()
            ? snapshot.AllTeams.Select(t => (Team: t, Role: snapshot.RoleInTeam(user.DisplayName(), t) ?? "admin"))
            : snapshot.TeamsOf(user.DisplayName()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (Team: p.Key, Role: p.Value));
        var result = new JsonObject
        {
            ["name"] = user.DisplayName(),
            ["kind"] = user.FindFirstValue(TokenAuthenticationHandler.KindClaim),
            ["admin"] = user.IsAdmin(),
            ["teams"] = new JsonArray(teams.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Team,
                ["role"] = t.Role,
                ["namespaces"] = new JsonArray(snapshot.NamespacesOfTeam(t.Team).Select(n => (JsonNode)n).ToArray()),
            }).ToArray()),
        };
        await WriteAsync(context, 200, result);
    }

    private static async Task ListTokensAsync(HttpContext context, IdentityService identities)
    {
        var tokens = await identities.ListTokensAsync(CallerId(context.User), context.RequestAborted);
        var current = CurrentTokenId(context.User);
        await WriteAsync(context, 200, new JsonObject { ["items"] = new JsonArray(tokens.Select(t => (JsonNode)Describe(t, current)).ToArray()) });
    }

    private static async Task CreateTokenAsync(HttpContext context, IdentityService identities)
    {
        var body = await RequestBodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        var description = RequestFields.String(body["description"], "description") ?? "";
        if (description.Length > 200)
        {
            throw ApiException.BadRequest("description: Too long: must have at most 200 characters");
        }

        var (token, record) = await identities.IssueTokenAsync(CallerId(context.User), description, Lifetime(body, TokenLifetime), context.RequestAborted);
        var result = Describe(record, current: null);
        result["token"] = token;
        await WriteAsync(context, 201, result);
    }

    private static async Task RevokeTokenAsync(HttpContext context, IdentityService identities, string id)
    {
        var revoked = Guid.TryParse(id, out var tokenId)
            ? await identities.RevokeAsync(CallerId(context.User), tokenId, context.RequestAborted)
            : null;
        if (revoked is null)
        {
            throw new ApiException(HttpStatusCode.NotFound, "NotFound", $"token \"{id}\" not found");
        }

        await WriteAsync(context, 200, Describe(revoked, CurrentTokenId(context.User)));
    }

    private static async Task ListUsersAsync(HttpContext context, IdentityService identities)
    {
        RequireAdmin(context.User, "list");
        var users = await identities.ListUsersAsync(context.RequestAborted);
        await WriteAsync(context, 200, new JsonObject { ["items"] = new JsonArray(users.Select(u => (JsonNode)DescribeUser(u)).ToArray()) });
    }

    private static async Task CreateUserAsync(HttpContext context, IdentityService identities)
    {
        RequireAdmin(context.User, "create");
        var body = await RequestBodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        var name = Required(body, "name");
        if (name.Length > 253 || !UserName().IsMatch(name))
        {
            throw ApiException.BadRequest($"name: Invalid value: \"{name}\": a user name must consist of lower case alphanumeric characters, '-', '.', '_' or '@', and must start and end with an alphanumeric character");
        }

        var password = Required(body, "password");
        if (password.Length < MinimumPasswordLength)
        {
            throw ApiException.BadRequest($"password: Invalid value: must be at least {MinimumPasswordLength} characters long");
        }

        var admin = body["admin"] switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw ApiException.BadRequest("admin: Invalid value: must be true or false"),
        };
        try
        {
            var user = await identities.CreateAsync(name, IdentityKind.User, admin, password, context.RequestAborted);
            await WriteAsync(context, 201, DescribeUser(user));
        }
        catch (IdentityExistsException)
        {
            throw new ApiException(HttpStatusCode.Conflict, "AlreadyExists", $"user \"{name}\" already exists");
        }
    }

    private static JsonObject Describe(ApiToken token, Guid? current) => new()
    {
        ["id"] = token.Id.ToString(),
        ["description"] = token.Description,
        ["createdAt"] = token.CreatedAt,
        ["expiresAt"] = token.ExpiresAt,
        ["revokedAt"] = token.RevokedAt,
        ["current"] = token.Id == current,
    };

    private static JsonObject DescribeUser(ApiIdentity user) => new()
    {
        ["name"] = user.Name,
        ["admin"] = user.IsAdmin,
        ["createdAt"] = user.CreatedAt,
    };

    private static TimeSpan Lifetime(JsonObject body, TimeSpan fallback)
    {
        var seconds = RequestFields.Integer(body["expiresInSeconds"], "expiresInSeconds");
        return seconds switch
        {
            null => fallback,
            < 60 or > 10L * 366 * 24 * 3600 => throw ApiException.BadRequest($"expiresInSeconds: Invalid value: {seconds}: must be between 60 and 316224000 (10 years)"),
            _ => TimeSpan.FromSeconds(seconds.Value),
        };
    }

    private static string Required(JsonObject body, string field) =>
        RequestFields.String(body[field], field) is { Length: > 0 } value ? value : throw ApiException.BadRequest($"{field}: Required value");

    private static void RequireAdmin(ClaimsPrincipal user, string verb)
    {
        if (!user.IsAdmin())
        {
            throw ApiException.Forbidden($"users is forbidden: User \"{user.DisplayName()}\" cannot {verb} users: only platform admins manage users");
        }
    }

    private static Guid CallerId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private static Guid CurrentTokenId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(TokenAuthenticationHandler.TokenClaim)!);

    private static Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9._@]*[a-z0-9])?$")]
    private static partial Regex UserName();
}
