using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Storage;

namespace PaaS.ApiServer.Audit;

/// <summary>
/// <c>GET /paas/v1/audit</c> for admins: the newest records first, filtered by <c>user</c>,
/// <c>namespace</c>, <c>resource</c>, <c>verb</c> and <c>since</c> (RFC 3339), at most <c>limit</c> (default 100, max 1000).
/// </summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{IdentityApi.Prefix}/audit", QueryAsync).RequireAuthorization();
        return app;
    }

    private static async Task QueryAsync(HttpContext context, IDbContextFactory<PaasDbContext> contexts)
    {
        if (!context.User.IsAdmin())
        {
            throw ApiException.Forbidden($"audit is forbidden: User \"{context.User.DisplayName()}\" cannot list audit records: only platform admins may");
        }

        var query = context.Request.Query;
        var limit = query["limit"].FirstOrDefault() is { } l
            ? int.TryParse(l, out var n) && n is > 0 and <= 1000 ? n : throw ApiException.BadRequest($"limit: Invalid value: \"{l}\": must be between 1 and 1000")
            : 100;
        await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
        var records = db.AuditEvents.AsNoTracking();
        if (query["user"].FirstOrDefault() is { } user)
        {
            records = records.Where(r => r.User == user);
        }

        if (query["namespace"].FirstOrDefault() is { } ns)
        {
            records = records.Where(r => r.Namespace == ns);
        }

        if (query["resource"].FirstOrDefault() is { } resource)
        {
            records = records.Where(r => r.Resource == resource);
        }

        if (query["verb"].FirstOrDefault() is { } verb)
        {
            records = records.Where(r => r.Verb == verb);
        }

        if (query["since"].FirstOrDefault() is { } since)
        {
            var from = DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t.ToUniversalTime()
                : throw ApiException.BadRequest($"since: Invalid value: \"{since}\": must be an RFC 3339 time");
            records = records.Where(r => r.Time >= from);
        }

        var items = await records.OrderByDescending(r => r.Id).Take(limit).ToListAsync(context.RequestAborted);
        var result = new JsonObject
        {
            ["items"] = new JsonArray(items.Select(r => (JsonNode)new JsonObject
            {
                ["time"] = r.Time,
                ["user"] = r.User,
                ["verb"] = r.Verb,
                ["resource"] = r.Resource,
                ["subresource"] = r.Subresource,
                ["namespace"] = r.Namespace,
                ["name"] = r.Name,
                ["requestURI"] = r.RequestUri,
                ["sourceIP"] = r.SourceIp,
                ["userAgent"] = r.UserAgent,
                ["code"] = r.Code,
                ["message"] = r.Message,
            }).ToArray()),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(result.ToJsonString(), context.RequestAborted);
    }
}
