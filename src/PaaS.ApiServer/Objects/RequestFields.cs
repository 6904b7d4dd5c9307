using System.Text.Json.Nodes;
using PaaS.ApiServer.Api;

namespace PaaS.ApiServer.Objects;

/// <summary>
/// Typed reads of fields in request JSON that has not been through the typed model yet (delete
/// options, access reviews, patched objects): a field of the wrong JSON type is the client's error
/// (400 naming the field), not an exception from a cast.
/// </summary>
internal static class RequestFields
{
    public static string? String(JsonNode? node, string field) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw ApiException.BadRequest($"{field}: Invalid value: {node.ToJsonString()}: must be a string"),
    };

    public static long? Integer(JsonNode? node, string field) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        _ => throw ApiException.BadRequest($"{field}: Invalid value: {node.ToJsonString()}: must be an integer"),
    };
}
