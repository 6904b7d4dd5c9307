using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PaaS.ApiServer.Authorization;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Objects;
using PaaS.ApiServer.Storage;
using PaaS.ApiServer.Tenancy;
using PaaS.ApiServer.Watch;
using PaaS.Core.OpenApi;
using PaaS.Core.Patching;
using PaaS.Core.Printing;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Api;

/// <summary>
/// Kubernetes' REST paths for every kind in <see cref="ResourceTypes"/>: list (and watch), get, create,
/// replace, delete and the <c>/status</c> subresource, namespaced or cluster-scoped.
/// </summary>
internal static class ResourceApi
{
    public static IEndpointRouteBuilder MapResourceApi(this IEndpointRouteBuilder app)
    {
        foreach (var type in ResourceTypes.All)
        {
            var prefix = type.Group.Length == 0 ? "/api/v1" : $"/apis/{type.Group}/{type.Version}";
            var collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
            var item = collection + "/{name}";
            var group = app.MapGroup("").RequireAuthorization();

            if (type.Namespaced)
            {
                group.MapGet($"{prefix}/{type.Plural}", (HttpContext c, ObjectStore s, ChangeFeed f) => ListAsync(c, s, f, type, null));
            }

            group.MapGet(collection, (HttpContext c, ObjectStore s, ChangeFeed f, string? @namespace) => ListAsync(c, s, f, type, @namespace ?? ""));
            group.MapPost(collection, (HttpContext c, ObjectService o, string? @namespace) => CreateAsync(c, o, type, @namespace ?? ""));
            group.MapGet(item, (HttpContext c, ObjectService o, string? @namespace, string name) => GetAsync(c, o, type, @namespace ?? "", name, "get"));
            group.MapPut(item, (HttpContext c, ObjectService o, string? @namespace, string name) => ReplaceAsync(c, o, type, @namespace ?? "", name, status: false));
            group.MapDelete(item, (HttpContext c, ObjectService o, string? @namespace, string name) => DeleteAsync(c, o, type, @namespace ?? "", name));
            group.MapMethods(item, ["PATCH"], (HttpContext c, PatchService p, ServerSideApply a, string? @namespace, string name) => PatchAsync(c, p, a, type, @namespace ?? "", name, status: false));
            if (type.HasStatus)
            {
                group.MapGet(item + "/status", (HttpContext c, ObjectService o, string? @namespace, string name) => GetAsync(c, o, type, @namespace ?? "", name, "get"));
                group.MapPut(item + "/status", (HttpContext c, ObjectService o, string? @namespace, string name) => ReplaceAsync(c, o, type, @namespace ?? "", name, status: true));
                group.MapMethods(item + "/status", ["PATCH"], (HttpContext c, PatchService p, ServerSideApply a, string? @namespace, string name) => PatchAsync(c, p, a, type, @namespace ?? "", name, status: true));
            }

            if (type == ResourceTypes.Pod)
            {
                group.MapPost(item + "/binding", (HttpContext c, ObjectService o, string? @namespace, string name) => BindPodAsync(c, o, @namespace ?? "", name));
            }

            if (type.HasScale)
            {
                group.MapGet(item + "/scale", (HttpContext c, PatchService p, string? @namespace, string name) => ScaleAsync(c, p, type, @namespace ?? "", name));
                group.MapPut(item + "/scale", (HttpContext c, PatchService p, string? @namespace, string name) => ScaleAsync(c, p, type, @namespace ?? "", name));
                group.MapMethods(item + "/scale", ["PATCH"], (HttpContext c, PatchService p, string? @namespace, string name) => ScaleAsync(c, p, type, @namespace ?? "", name));
            }
        }

        return app;
    }

    private static async Task ListAsync(HttpContext context, ObjectStore store, ChangeFeed feed, ResourceType type, string? ns)
    {
        var watch = context.Request.Query["watch"] is var w && (w == "true" || w == "1");
        var access = await AuthorizeAsync(context, watch ? "watch" : "list", type, ns, name: null, subresource: null);
        var filter = ObjectFilter.Parse(type, context.Request.Query["labelSelector"], context.Request.Query["fieldSelector"])
            .Restrict(access.VisibleNamespaces, access.VisibleNames);
        if (access.RequiredField is var (field, value) && !filter.Fields.Any(f => f.Field == field && f.Equal && f.Value == value))
        {
            throw ApiException.Forbidden(AccessRules.Denial(context.User.DisplayName(), watch ? "watch" : "list", type.Group, type.Plural, null, ns,
                $"a node agent must list pods with the field selector {field}={value}"));
        }

        if (watch)
        {
            await WatchStream.RunAsync(context, store, feed, type, ns, filter, context.RequestAborted);
            return;
        }

        if (!QuotaStatus.Applies(type) && !WantsTable(context.Request))
        {
            await StreamListAsync(context, store, type, ns, filter);
            return;
        }

        var (version, bodies) = await store.ListAsync(type.GroupResource, ns, filter, context.RequestAborted);
        if (QuotaStatus.Applies(type))
        {
            bodies = await context.RequestServices.GetRequiredService<QuotaStatus>().OverlayAsync(type, bodies, context.RequestAborted);
        }

        if (WantsTable(context.Request))
        {
            await WriteTableAsync(context, type, bodies, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        // The leading row without a body carries the version even when the list is empty, as the store's rows do.
        await StreamListAsync(context, type, bodies.Select(b => (version, (string?)b)).Prepend((version, null)).ToAsyncEnumerable());
    }

    /// <summary>
    /// Writes a list row by row from the database into the response. A relist of 20,000 pods is ~40 MB of
    /// JSON: collecting it first as strings, then as one string, then as bytes held four copies at once, and
    /// the scheduler's and the garbage collector's relists together pushed the API server past 700 MB.
    /// </summary>
    private static Task StreamListAsync(HttpContext context, ObjectStore store, ResourceType type, string? ns, ObjectFilter filter) =>
        StreamListAsync(context, type, store.EnumerateAsync(type.GroupResource, ns, filter, context.RequestAborted));

    private static async Task StreamListAsync(HttpContext context, ResourceType type, IAsyncEnumerable<(long ResourceVersion, string? Body)> rows)
    {
        var output = context.Response.BodyWriter;
        var started = false;
        var items = 0;
        long unflushed = 0;
        await foreach (var (version, body) in rows)
        {
            if (!started)
            {
                // Status and header go out with the first row: a failure before it still becomes a proper error.
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                Encoding.UTF8.GetBytes($"{{\"kind\":\"{type.ListKind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{{\"resourceVersion\":\"{version}\"}},\"items\":[", output);
                started = true;
            }

            if (body is null)
            {
                continue;
            }

            if (items++ > 0)
            {
                Encoding.UTF8.GetBytes(",", output);
            }

            unflushed += Encoding.UTF8.GetBytes(body, output);
            if (unflushed > 64 * 1024)
            {
                await output.FlushAsync(context.RequestAborted);
                unflushed = 0;
            }
        }

        if (!started)
        {
            throw new InvalidOperationException("the store returned no counter row for a list");
        }

        Encoding.UTF8.GetBytes("]}", output);
        await output.FlushAsync(context.RequestAborted);
    }

    private static async Task GetAsync(HttpContext context, ObjectService objects, ResourceType type, string ns, string name, string verb)
    {
        var access = await AuthorizeAsync(context, verb, type, ns, name, subresource: null);
        var stored = await objects.GetAsync(type, ns, name, context.RequestAborted);
        if (QuotaStatus.Applies(type))
        {
            stored = stored with { Body = (await context.RequestServices.GetRequiredService<QuotaStatus>().OverlayAsync(type, [stored.Body], context.RequestAborted))[0] };
        }

        if (access.Guard != ObjectGuard.None)
        {
            access.Guard.Check(ObjectJson.ToModel(type, stored.Body), null);
        }

        if (access.ReferencedByPodsOfNode is { } node && !await objects.IsUsedByPodsOfNodeAsync(type, ns, name, node, context.RequestAborted))
        {
            throw ApiException.Forbidden(AccessRules.Denial(context.User.DisplayName(), verb, type.Group, type.Plural, null, ns,
                $"no pod bound to node \"{node}\" uses {type.Singular} \"{name}\""));
        }

        if (WantsTable(context.Request))
        {
            await WriteTableAsync(context, type, [stored.Body], stored.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        await WriteJsonAsync(context, 200, stored.Body);
    }

    /// <summary>kubectl asks for <c>application/json;as=Table;v=v1;g=meta.k8s.io</c> to print server-side columns.</summary>
    private static bool WantsTable(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    private static Task WriteTableAsync(HttpContext context, ResourceType type, IReadOnlyList<string> bodies, string version)
    {
        var include = context.Request.Query["includeObject"].FirstOrDefault() ?? "Metadata";
        if (include is not ("None" or "Metadata" or "Object"))
        {
            throw ApiException.BadRequest($"includeObject: Unsupported value: \"{include}\": supported values: \"None\", \"Metadata\", \"Object\"");
        }

        var objects = bodies.Select(b => (JsonObject)JsonNode.Parse(b)!).ToList();
        var table = TablePrinter.Print(type, objects, version, include, DateTimeOffset.UtcNow);
        return WriteJsonAsync(context, 200, table.ToJsonString());
    }

    private static async Task CreateAsync(HttpContext context, ObjectService objects, ResourceType type, string ns)
    {
        var access = await AuthorizeAsync(context, "create", type, ns, name: null, subresource: null);
        RefuseDryRun(context);
        var (body, duplicates) = await RequestBodyReader.ReadObjectWithDuplicatesAsync(context.Request, context.RequestAborted);
        CheckFields(context, type, body, duplicates);
        Audit.AuditLog.NoteName(context, body["metadata"]?["name"] is JsonValue n && n.TryGetValue<string>(out var named) ? named : null);
        var stored = await objects.CreateAsync(type, ns, body, access.Guard, context.RequestAborted);
        await WriteJsonAsync(context, 201, stored.Body);
    }

    private static async Task ReplaceAsync(HttpContext context, ObjectService objects, ResourceType type, string ns, string name, bool status)
    {
        var access = await AuthorizeAsync(context, "update", type, ns, name, status ? "status" : null);
        RefuseDryRun(context);
        var (body, duplicates) = await RequestBodyReader.ReadObjectWithDuplicatesAsync(context.Request, context.RequestAborted);
        CheckFields(context, type, body, duplicates);
        var stored = status
            ? await objects.ReplaceStatusAsync(type, ns, name, body, access.Guard, context.RequestAborted)
            : await objects.ReplaceAsync(type, ns, name, body, access.Guard, context.RequestAborted);
        await WriteJsonAsync(context, 200, stored.Body);
    }

    private static async Task DeleteAsync(HttpContext context, ObjectService objects, ResourceType type, string ns, string name)
    {
        var access = await AuthorizeAsync(context, "delete", type, ns, name, subresource: null);
        RefuseDryRun(context);
        var request = await ReadDeleteOptionsAsync(context.Request);
        var stored = await objects.DeleteAsync(type, ns, name, request, access.Guard, context.RequestAborted);
        await WriteJsonAsync(context, 200, stored.Body);
    }

    private static async Task PatchAsync(HttpContext context, PatchService patches, ServerSideApply applies, ResourceType type, string ns, string name, bool status)
    {
        var access = await AuthorizeAsync(context, "patch", type, ns, name, status ? "status" : null);
        RefuseDryRun(context);
        var contentType = PatchContentType(context.Request);
        if (contentType == ServerSideApply.MediaType)
        {
            await ApplyAsync(context, applies, type, ns, name, status, access.Guard);
            return;
        }

        var patch = await RequestBodyReader.ReadTextAsync(context.Request, context.RequestAborted);
        var stored = await patches.PatchAsync(type, ns, name, contentType, patch, status, access.Guard, context.RequestAborted);
        await WriteJsonAsync(context, 200, stored.Body);
    }

    private static async Task ApplyAsync(HttpContext context, ServerSideApply applies, ResourceType type, string ns, string name, bool status, ObjectGuard guard)
    {
        if (status)
        {
            throw new ApiException(System.Net.HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", "server-side apply of the status subresource is not supported; use PATCH or PUT");
        }

        var manager = context.Request.Query["fieldManager"].FirstOrDefault();
        if (string.IsNullOrEmpty(manager))
        {
            throw ApiException.BadRequest("fieldManager: Required value: is required for apply requests");
        }

        var force = context.Request.Query["force"] is var f && (f == "true" || f == "1");
        var configuration = await RequestBodyReader.ReadObjectAsync(context.Request, context.RequestAborted, "application/yaml");
        CheckFields(context, type, configuration, duplicates: []);
        var (stored, created) = await applies.ApplyAsync(type, ns, name, manager, force, configuration, guard, context.RequestAborted);
        await WriteJsonAsync(context, created ? 201 : 200, stored.Body);
    }

    /// <summary>POST <c>pods/{name}/binding</c> with a <c>v1 Binding</c> whose target is the node.</summary>
    private static async Task BindPodAsync(HttpContext context, ObjectService objects, string ns, string name)
    {
        var access = await AuthorizeAsync(context, "create", ResourceTypes.Pod, ns, name, "binding");
        RefuseDryRun(context);
        var binding = await RequestBodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        if (RequestFields.String(binding["metadata"]?["name"], "metadata.name") is { Length: > 0 } bound && bound != name)
        {
            throw ApiException.BadRequest($"metadata.name: Invalid value: \"{bound}\": must match the pod's name \"{name}\"");
        }

        var target = binding["target"] as JsonObject ?? throw ApiException.BadRequest("target: Required value");
        var kind = RequestFields.String(target["kind"], "target.kind");
        if (kind is not (null or "" or "Node"))
        {
            throw ApiException.BadRequest($"target.kind: Unsupported value: \"{kind}\": supported values: \"Node\"");
        }

        var node = RequestFields.String(target["name"], "target.name") is { Length: > 0 } n ? n : throw ApiException.BadRequest("target.name: Required value");
        await objects.BindPodAsync(ns, name, node, access.Guard, context.RequestAborted);
        await WriteJsonAsync(context, 201, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201 }.ToJsonString());
    }

    private static async Task ScaleAsync(HttpContext context, PatchService patches, ResourceType type, string ns, string name)
    {
        var method = context.Request.Method;
        var access = await AuthorizeAsync(context, method == "GET" ? "get" : method == "PUT" ? "update" : "patch", type, ns, name, "scale");
        JsonObject scale;
        if (method == "GET")
        {
            scale = await patches.GetScaleAsync(type, ns, name, context.RequestAborted);
        }
        else
        {
            RefuseDryRun(context);
            var contentType = method == "PATCH" ? PatchContentType(context.Request) : null;
            var body = await RequestBodyReader.ReadTextAsync(context.Request, context.RequestAborted);
            scale = await patches.UpdateScaleAsync(type, ns, name, contentType, body, access.Guard, context.RequestAborted);
        }

        await WriteJsonAsync(context, 200, scale.ToJsonString());
    }

    private static string PatchContentType(HttpRequest request)
    {
        var mediaType = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            ObjectPatcher.JsonPatch or ObjectPatcher.MergePatch or ObjectPatcher.StrategicMergePatch or ServerSideApply.MediaType => mediaType,
            _ => throw new ApiException(System.Net.HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: {ObjectPatcher.JsonPatch}, {ObjectPatcher.MergePatch}, {ObjectPatcher.StrategicMergePatch}, {ServerSideApply.MediaType}"),
        };
    }

    private static async ValueTask<AccessDecision> AuthorizeAsync(HttpContext context, string verb, ResourceType type, string? ns, string? name, string? subresource)
    {
        var request = new AccessRequest(verb, type, string.IsNullOrEmpty(ns) ? null : ns, name, subresource);
        Audit.AuditLog.NoteRequest(context, request);
        var decision = await context.RequestServices.GetRequiredService<Authorizer>().AuthorizeAsync(context.User, request, context.RequestAborted);
        if (!request.IsRead && context.Request.Headers[FencingCheck.Header].FirstOrDefault() is { Length: > 0 } token)
        {
            await context.RequestServices.GetRequiredService<FencingCheck>().CheckAsync(token, context.RequestAborted);
        }

        return decision;
    }

    /// <summary>
    /// Server-side field validation (<c>?fieldValidation=Strict|Warn|Ignore</c>; kubectl sends Strict by
    /// default, and Kubernetes' default without the parameter is Warn): fields the kind's schema does not
    /// have, and keys given twice, are refused, reported in <c>Warning</c> headers, or ignored. Unknown
    /// fields are never stored.
    /// </summary>
    private static void CheckFields(HttpContext context, ResourceType type, JsonObject body, IReadOnlyList<string> duplicates)
    {
        var mode = context.Request.Query["fieldValidation"].FirstOrDefault() ?? "Warn";
        if (mode is not ("Strict" or "Warn" or "Ignore"))
        {
            throw ApiException.BadRequest($"fieldValidation: Unsupported value: \"{mode}\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
        }

        if (mode == "Ignore")
        {
            return;
        }

        var problems = UnknownFields.Find(type, body).Select(f => $"unknown field \"{f}\"")
            .Concat(duplicates.Select(f => $"duplicate field \"{f}\""))
            .ToList();
        if (problems.Count == 0)
        {
            return;
        }

        if (mode == "Strict")
        {
            throw ApiException.BadRequest("strict decoding error: " + string.Join(", ", problems));
        }

        foreach (var problem in problems)
        {
            context.Response.Headers.Append("Warning", $"299 - \"{problem.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
    }

    private static void RefuseDryRun(HttpContext context)
    {
        // Silently writing when the user asked for a dry run would be worse than refusing.
        if (context.Request.Query.ContainsKey("dryRun"))
        {
            throw ApiException.BadRequest("dryRun is not supported by this server yet; use kubectl's --dry-run=client");
        }
    }

    private static async Task<DeleteRequest> ReadDeleteOptionsAsync(HttpRequest request)
    {
        var query = request.Query;
        long? grace = long.TryParse(query["gracePeriodSeconds"], out var g) ? g : null;
        string? policy = query["propagationPolicy"].FirstOrDefault();
        long? rv = null;
        string? uid = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = await RequestBodyReader.ReadObjectAsync(request, request.HttpContext.RequestAborted);
            grace ??= RequestFields.Integer(body["gracePeriodSeconds"], "gracePeriodSeconds");
            policy ??= RequestFields.String(body["propagationPolicy"], "propagationPolicy");
            var preconditions = body["preconditions"] as JsonObject;
            uid = RequestFields.String(preconditions?["uid"], "preconditions.uid");
            rv = long.TryParse(RequestFields.String(preconditions?["resourceVersion"], "preconditions.resourceVersion"), out var v) ? v : null;
        }

        if (policy is not (null or "Orphan" or "Background" or "Foreground"))
        {
            throw ApiException.BadRequest($"propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Orphan\", \"Background\", \"Foreground\"");
        }

        if (grace is < 0)
        {
            throw ApiException.BadRequest($"gracePeriodSeconds: Invalid value: {grace}: must be greater than or equal to 0");
        }

        return new DeleteRequest(grace, policy, rv, uid);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}
