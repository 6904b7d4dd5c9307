using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PaaS.ApiServer.Api;

/// <summary>Renders refusals as Kubernetes <c>Status</c> objects, which kubectl prints as <c>Error from server (Reason): message</c>.</summary>
internal static class StatusResults
{
    // Messages quote names ("pods \"x\" not found"); keep them readable rather than \u0022-escaped.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, ApiException error)
    {
        Audit.AuditLog.NoteRefusal(context, error.Message);
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = error.Message,
            ["reason"] = error.Reason,
            ["code"] = (int)error.Code,
        };
        if (error.DetailsName is not null || error.DetailsKind is not null || error.Causes.Count > 0)
        {
            var details = new JsonObject();
            if (error.DetailsName is not null)
            {
                details["name"] = error.DetailsName;
            }

            if (error.DetailsGroup is not null)
            {
                details["group"] = error.DetailsGroup;
            }

            if (error.DetailsKind is not null)
            {
                details["kind"] = error.DetailsKind;
            }

            if (error.Causes.Count > 0)
            {
                details["causes"] = new JsonArray(error.Causes.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = c.Reason,
                    ["message"] = c.Message,
                    ["field"] = c.Field,
                }).ToArray());
            }

            status["details"] = details;
        }

        context.Response.StatusCode = (int)error.Code;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(status.ToJsonString(Relaxed), context.RequestAborted);
    }

    /// <summary>Catches <see cref="ApiException"/> from any endpoint below and renders it.</summary>
    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e);
        }
        catch (Storage.QuotaExceededException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, ApiException.Forbidden(e.Message));
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, new ApiException((System.Net.HttpStatusCode)e.StatusCode, e.StatusCode == 413 ? "RequestEntityTooLarge" : "BadRequest", e.Message));
        }
    }
}
