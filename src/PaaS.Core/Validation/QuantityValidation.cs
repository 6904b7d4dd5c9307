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

    public static void ValidateMap(JsonNode? map, string path, List<FieldError> errors) =>
        ValidateMap(map, name => $"{path}.{name}", _ => false, errors);

    /// <summary>
    /// A quota's or limit range's resource list, with keys in Kubernetes' <c>path[key]</c> form; resources for which
    /// <paramref name="mustBeInteger"/> holds (object counts) must be whole numbers.
    /// </summary>
    public static void ValidateResourceList(JsonNode? map, string path, Func<string, bool> mustBeInteger, List<FieldError> errors) =>
        ValidateMap(map, name => $"{path}[{name}]", mustBeInteger, errors);

    private static void ValidateMap(JsonNode? map, Func<string, string> pathOf, Func<string, bool> mustBeInteger, List<FieldError> errors)
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
                errors.Add(FieldError.Invalid(pathOf(name), text ?? "null", error));
            }
            else if (quantity.Value < 0)
            {
                errors.Add(FieldError.Invalid(pathOf(name), text!, "must be greater than or equal to 0"));
            }
            else if (mustBeInteger(name) && quantity.Value != decimal.Truncate(quantity.Value))
            {
                errors.Add(FieldError.Invalid(pathOf(name), text!, "must be an integer"));
            }
        }
    }
}
