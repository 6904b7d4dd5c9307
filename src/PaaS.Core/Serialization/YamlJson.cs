using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace PaaS.Core.Serialization;

/// <summary>
/// YAML to JSON the way the Kubernetes API server reads YAML bodies (sigs.k8s.io/yaml over go-yaml v2):
/// YAML 1.1 scalar typing (yes/no/on/off are booleans), string map keys, anchors, aliases and merge keys.
/// </summary>
public static class YamlJson
{
    /// <summary>Converts a stream holding at most one non-empty document; no document gives null.</summary>
    /// <exception cref="FormatException">
    /// Malformed YAML ("yaml: line 3, column 5: ..."), or "expected a single YAML document".
    /// </exception>
    public static JsonNode? ToJson(string yaml)
    {
        var documents = ToJsonDocuments(yaml);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new FormatException("expected a single YAML document"),
        };
    }

    /// <summary>Converts every document of a "---"-separated stream, skipping empty (null) documents like kubectl.</summary>
    /// <exception cref="FormatException">Malformed YAML, with line and column.</exception>
    public static IReadOnlyList<JsonNode?> ToJsonDocuments(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);

        // go-yaml skips a byte order mark; YamlDotNet would make it part of the first key.
        if (yaml.StartsWith('\uFEFF'))
        {
            yaml = yaml[1..];
        }

        try
        {
            return YamlDocumentBuilder.ReadAll(yaml).Where(document => document is not null).ToList();
        }
        catch (YamlException exception)
        {
            throw new FormatException(
                $"yaml: line {exception.Start.Line}, column {exception.Start.Column}: {exception.Message}", exception);
        }
    }
}
