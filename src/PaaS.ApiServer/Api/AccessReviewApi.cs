using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PaaS.ApiServer.Authorization;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Objects;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Api;

/// <summary>
/// <c>authorization.k8s.io/v1</c> SelfSubjectAccessReview: <c>kubectl auth can-i</c> asks whether the
/// caller may do something, and gets the answer from <see cref="AccessRules"/>, the rule the API enforces.
/// </summary>
internal static class AccessReviewApi
{
    public const string Group = "authorization.k8s.io";
    public const string Version = "v1";

    public static IEndpointRouteBuilder MapAccessReviewApi(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/apis/{Group}/{Version}/selfsubjectaccessreviews", async (HttpContext context, Authorizer authorizer) =>
        {
            var review = await RequestBodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
            if (RequestFields.String(review["kind"], "kind") is var kind && kind != "SelfSubjectAccessReview")
            {
                throw ApiException.BadRequest($"expected kind SelfSubjectAccessReview in {Group}/{Version}, got \"{kind}\"");
            }

            var spec = review["spec"] as JsonObject ?? throw ApiException.BadRequest("spec: Required value");
            bool allowed;
            string reason;
            if (spec["resourceAttributes"] is JsonObject resource)
            {
                var verb = RequestFields.String(resource["verb"], "spec.resourceAttributes.verb") ?? "";
                var subresource = RequestFields.String(resource["subresource"], "spec.resourceAttributes.subresource") is { Length: > 0 } sub ? sub : null;
                var group = RequestFields.String(resource["group"], "spec.resourceAttributes.group") ?? "";
                var plural = RequestFields.String(resource["resource"], "spec.resourceAttributes.resource") ?? "";
                var ns = RequestFields.String(resource["namespace"], "spec.resourceAttributes.namespace") is { Length: > 0 } n ? n : null;
                var name = RequestFields.String(resource["name"], "spec.resourceAttributes.name") is { Length: > 0 } nm ? nm : null;
                var type = ResourceTypes.All.FirstOrDefault(t => t.Group == group && t.Plural == plural);
                if (type is null)
                {
                    allowed = false;
                    reason = $"the server does not serve resource \"{plural}\" in API group \"{group}\"";
                }
                else
                {
                    var decision = await authorizer.DecideAsync(context.User, new AccessRequest(verb, type, ns, name, subresource), context.RequestAborted);
                    allowed = decision.Allowed;
                    reason = decision.Reason ?? "allowed by the platform's access rules";
                }
            }
            else if (spec["nonResourceAttributes"] is JsonObject)
            {
                allowed = context.User.IsAdmin() || context.User.IsSystem();
                reason = allowed ? "allowed by the platform's access rules" : "non-resource URLs are open to admins and system identities";
            }
            else
            {
                throw ApiException.BadRequest("spec: Invalid value: one of resourceAttributes or nonResourceAttributes is required");
            }

            review["status"] = new JsonObject { ["allowed"] = allowed, ["reason"] = reason };
            review["metadata"] ??= new JsonObject();
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(review.ToJsonString(), context.RequestAborted);
        }).RequireAuthorization();
        return app;
    }

    /// <summary>Discovery entry for the group (it is served, though nothing of it is stored).</summary>
    public static JsonObject ResourceList() => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = $"{Group}/{Version}",
        ["resources"] = new JsonArray(new JsonObject
        {
            ["name"] = "selfsubjectaccessreviews",
            ["singularName"] = "selfsubjectaccessreview",
            ["namespaced"] = false,
            ["kind"] = "SelfSubjectAccessReview",
            ["verbs"] = new JsonArray("create"),
        }),
    };
}
