using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace PaaS.Cli.Output;

/// <summary>JSON from the server as YAML, for <c>-o yaml</c>; strings that look like numbers stay strings.</summary>
internal static class YamlText
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string FromJson(JsonNode? node) => Serializer.Serialize(ToPlain(node));

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetValue<long>(out var whole) => whole,
            JsonValueKind.Number => value.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };
}
