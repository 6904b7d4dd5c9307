using System.Text.Json.Nodes;
using PaaS.Core.Quantities;

namespace PaaS.Core.Validation;

/// <summary>
/// Checks quantity strings on the raw JSON, before the typed model parses them: the typed model would
/// throw without saying which field was wrong, and Kubernetes' grammar is stricter than its parser.
/// </summary>
internal static class QuantityValidation
{
    private static readonly string[] ContainerLists = ["containers", "initContainers"];

    public static void ValidatePodSpec(JsonNode? podSpec, string path, List<FieldError> errors)
    {
        if (podSpec is not JsonObject spec)
        {
            return;
        }

        foreach (var list in ContainerLists)
        {
            if (spec[list] is not JsonArray containers)
            {
                continue;
            }

            for (var i = 0; i < containers.Count; i++)
            {
                var resources = containers[i]?["resources"];
                ValidateMap(resources?["limits"], $"{path}.{list}[{i}].resources.limits", errors);
                ValidateMap(resources?["requests"], $"{path}.{list}[{i}].resources.requests", errors);
            }
        }

        ValidateMap(spec["overhead"], path + ".overhead", errors);
    }

    public static void ValidateMap(JsonNode? map, string path, List<FieldError> errors)
    {
        if (map is not JsonObject quantities)
        {
            return;
        }

        foreach (var (name, value) in quantities)
        {
            // JSON numbers are valid quantities too (Kubernetes accepts `cpu: 1`).
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
            if (!Quantity.TryParse(text, out var quantity, out var error))
            {
                errors.Add(FieldError.Invalid($"{path}.{name}", text ?? "null", error));
            }
            else if (quantity.Value < 0)
            {
                errors.Add(FieldError.Invalid($"{path}.{name}", text!, "must be greater than or equal to 0"));
            }
        }
    }
}
