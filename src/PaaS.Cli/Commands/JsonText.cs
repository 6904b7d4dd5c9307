using System.Globalization;
using System.Text.Json.Nodes;

namespace PaaS.Cli.Commands;

/// <summary>Reading the server's JSON for tables: missing values print as <c>&lt;none&gt;</c> or a dash, as kubectl does.</summary>
internal static class JsonText
{
    public const string None = "<none>";

    public static string Text(JsonNode? node) => node switch
    {
        null => None,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    public static IEnumerable<JsonNode> Items(JsonNode? list) => list?["items"] is JsonArray items ? items.OfType<JsonNode>() : [];

    public static IEnumerable<string> Strings(JsonNode? array) =>
        array is JsonArray items ? items.Select(i => (string?)i).OfType<string>() : [];

    public static string Joined(JsonNode? array) => Strings(array).ToList() is { Count: > 0 } list ? string.Join(",", list) : None;

    /// <summary>A timestamp as the server sent it, shortened to UTC minutes; a dash when absent.</summary>
    public static string Time(JsonNode? node) =>
        (string?)node is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z"
            : "-";
}
