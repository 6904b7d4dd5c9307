using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PaaS.ApiServer.Api;
using PaaS.Core.Protobuf;
using PaaS.Core.Serialization;

namespace PaaS.ApiServer.Objects;

/// <summary>
/// Turns a request body in any of the wire formats kubectl and users send (JSON, YAML, Kubernetes
/// protobuf) into JSON, refusing bodies over the size limit before reading them whole.
/// </summary>
internal static class RequestBodyReader
{
    /// <summary>Kubernetes' limit for a resource request body.</summary>
    public const int MaxBodyBytes = 3 * 1024 * 1024;

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct, string? asMediaType = null) =>
        (await ReadObjectWithDuplicatesAsync(request, ct, asMediaType)).Object;

    /// <summary>The object and the paths of keys its JSON gave more than once (the last one wins).</summary>
    /// <param name="asMediaType">Read the body as this media type whatever the request says (server-side apply sends YAML under its own type).</param>
    public static async Task<(JsonObject Object, IReadOnlyList<string> Duplicates)> ReadObjectWithDuplicatesAsync(HttpRequest request, CancellationToken ct, string? asMediaType = null)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        var bytes = await ReadLimitedAsync(request.Body, ct);
        var mediaType = asMediaType ?? (request.ContentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();
        IReadOnlyList<string> duplicates = [];
        JsonNode? node = mediaType switch
        {
            "application/json" or "" => ParseJson(bytes, out duplicates),
            "application/yaml" or "application/x-yaml" or "text/yaml" => ParseYaml(bytes),
            KubernetesProtobuf.MediaType => ParseProtobuf(bytes),
            _ => throw new ApiException(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, {KubernetesProtobuf.MediaType}"),
        };
        return (node as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object (a Kubernetes resource)"), duplicates);
    }

    /// <summary>The body as text (patches), with the same size limit.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        return Encoding.UTF8.GetString(await ReadLimitedAsync(request.Body, ct));
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ApiException TooLarge() =>
        new(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge", $"the request body is larger than the limit of {MaxBodyBytes} bytes (3 MiB)");

    private static JsonNode? ParseJson(byte[] bytes, out IReadOnlyList<string> duplicates)
    {
        try
        {
            var (node, found) = JsonBody.Parse(bytes);
            duplicates = found;
            return node;
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    private static JsonNode? ParseYaml(byte[] bytes)
    {
        try
        {
            return YamlJson.ToJson(Encoding.UTF8.GetString(bytes));
        }
        catch (FormatException e)
        {
            throw ApiException.BadRequest($"the request body is not valid YAML: {e.Message}");
        }
    }

    private static JsonObject ParseProtobuf(byte[] bytes)
    {
        try
        {
            return KubernetesProtobuf.Decode(bytes);
        }
        catch (ProtobufFormatException e)
        {
            throw ApiException.BadRequest($"the request body is not a valid Kubernetes protobuf message: {e.Message}");
        }
    }
}
