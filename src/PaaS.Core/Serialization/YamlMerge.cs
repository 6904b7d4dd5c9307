using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PaaS.Core.Serialization;

/// <summary>
/// YAML 1.1 merge keys ("&lt;&lt;: *defaults") as go-yaml v2 applies them: entries are written in document
/// order, so a merge overrides keys written before it, and in a list of maps earlier maps win.
/// </summary>
internal static class YamlMerge
{
    public static void Into(JsonObject target, object? value, ParsingEvent at)
    {
        switch (value)
        {
            case JsonObject map:
                Copy(map, target);
                break;
            case JsonArray maps:
                for (var i = maps.Count - 1; i >= 0; i--)
                {
                    Copy(maps[i] as JsonObject ?? throw WantMap(at), target);
                }

                break;
            default:
                throw WantMap(at);
        }
    }

    // Values are cloned because the source may also be an anchored node that is aliased again later.
    private static void Copy(JsonObject source, JsonObject target)
    {
        foreach (var (key, child) in source)
        {
            target[key] = child?.DeepClone();
        }
    }

    private static YamlException WantMap(ParsingEvent at) =>
        new(at.Start, at.End, "map merge requires map or sequence of maps as the value");
}
