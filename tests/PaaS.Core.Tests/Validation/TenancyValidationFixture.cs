using System.Text.Json.Nodes;
using PaaS.Core.Defaults;
using PaaS.Core.Resources;
using PaaS.Core.Validation;

namespace PaaS.Core.Tests.Validation;

/// <summary>Runs admission's order: the raw JSON check, then (only if it passed) defaults and the typed check, as text.</summary>
internal static class TenancyValidationFixture
{
    public static IReadOnlyList<string> Errors(ResourceType type, string json)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        var jsonErrors = ObjectValidator.ValidateJson(type, body);
        if (jsonErrors.Count > 0)
        {
            return jsonErrors.Select(e => e.ToString()).ToList();
        }

        var obj = ObjectJson.ToModel(type, body);
        ObjectDefaults.Apply(obj);
        return ObjectValidator.Validate(type, obj).Select(e => e.ToString()).ToList();
    }
}
