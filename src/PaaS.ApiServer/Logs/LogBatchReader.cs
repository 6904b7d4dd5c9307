using System.Text.Json.Nodes;
using PaaS.ApiServer.Api;
using PaaS.Core.Logs;

namespace PaaS.ApiServer.Logs;

/// <summary>
/// Validates a shipped batch (<see cref="LogBatch"/>) field by field: the first bad field is a 400 naming
/// it (<c>entries[3].time: not an RFC 3339 timestamp</c>), and nothing of the batch is stored.
/// </summary>
internal static class LogBatchReader
{
    /// <summary>Lines per request; agents send at most 500.</summary>
    public const int MaxEntries = 10_000;

    public static List<IngestedLine> Read(JsonObject body)
    {
        if (body["entries"] is not JsonArray entries)
        {
            throw ApiException.BadRequest(body["entries"] is null ? "entries: Required value" : "entries: must be an array");
        }

        if (entries.Count > MaxEntries)
        {
            throw ApiException.BadRequest($"entries: Too many: {entries.Count}: must have at most {MaxEntries} items");
        }

        var lines = new List<IngestedLine>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"entries[{i}]";
            if (entries[i] is not JsonObject entry)
            {
                throw ApiException.BadRequest($"{at}: must be an object");
            }

            var uid = Required(entry, at, "podUid");
            var time = Required(entry, at, "time");
            var stream = Required(entry, at, "stream");
            lines.Add(new IngestedLine(
                Namespace: Required(entry, at, "namespace"),
                Pod: Required(entry, at, "pod"),
                PodUid: Guid.TryParse(uid, out var parsed) ? parsed : throw ApiException.BadRequest($"{at}.podUid: not a UUID"),
                Container: Required(entry, at, "container"),
                Attempt: Attempt(entry, at),
                ContainerId: Required(entry, at, "containerId"),
                TimeUnixNano: LogTimestamp.TryParse(time, out var nanos) ? nanos : throw ApiException.BadRequest($"{at}.time: not an RFC 3339 timestamp"),
                Stream: stream is "stdout" or "stderr" ? stream : throw ApiException.BadRequest($"{at}.stream: Unsupported value: \"{stream}\": supported values: \"stdout\", \"stderr\""),
                Line: Text(entry, at, "line", allowEmpty: true)));
        }

        return lines;
    }

    private static string Required(JsonObject entry, string at, string field) => Text(entry, at, field, allowEmpty: false);

    private static string Text(JsonObject entry, string at, string field, bool allowEmpty)
    {
        var node = entry[field];
        if (node is null)
        {
            throw ApiException.BadRequest($"{at}.{field}: Required value");
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            throw ApiException.BadRequest($"{at}.{field}: must be a string");
        }

        return text.Length > 0 || allowEmpty ? text : throw ApiException.BadRequest($"{at}.{field}: Required value");
    }

    private static int Attempt(JsonObject entry, string at) => entry["attempt"] switch
    {
        null => throw ApiException.BadRequest($"{at}.attempt: Required value"),
        JsonValue value when value.TryGetValue<int>(out var attempt) && attempt >= 0 => attempt,
        var other => throw ApiException.BadRequest($"{at}.attempt: Invalid value: {other.ToJsonString()}: must be a non-negative integer"),
    };
}
