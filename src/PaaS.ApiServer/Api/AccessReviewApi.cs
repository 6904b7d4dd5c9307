using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Objects;

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
        app.MapPost($"/apis/{Group}/{Version}/selfsubjectaccessreviews", async (HttpContext context) =>
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
                allowed = AccessRules.Allows(context.User, verb, subresource);
                reason = allowed ? "allowed by the platform's access rules" : AccessRules.Denial(context.User, verb,
                    RequestFields.String(resource["group"], "spec.resourceAttributes.group") ?? "",
                    RequestFields.String(resource["resource"], "spec.resourceAttributes.resource") ?? "", subresource,
                    RequestFields.String(resource["namespace"], "spec.resourceAttributes.namespace"));
            }
            else if (spec["nonResourceAttributes"] is JsonObject)
            {
                allowed = AccessRules.Allows(context.User, "get", null);
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
