using System.Text.Json.Nodes;
using PaaS.Core.Resources;

namespace PaaS.Core.OpenApi;

/// <summary>
/// Server-side strict field validation (<c>?fieldValidation=Strict</c>): the fields of a request body that the
/// kind's schema does not have, named the way the API server names them in its
/// <c>strict decoding error: unknown field "spec.replicass"</c> message.
/// </summary>
public static class UnknownFields
{
    /// <summary>Paths such as <c>spec.replicass</c> or <c>spec.template.spec.containers[0].imagee</c>, in document order; empty when none.</summary>
    public static IReadOnlyList<string> Find(ResourceType type, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(obj);
        var found = new List<string>();
        Walk(type.ModelType, obj, [], found);
        return found;
    }

    // This runs on every write: the path is kept as segments and joined only for a field that is reported.
    private static void Walk(Type model, JsonObject obj, List<string> path, List<string> found)
    {
        var properties = ModelShape.Properties(model);
        foreach (var (name, value) in obj)
        {
            path.Add(path.Count == 0 ? name : "." + name);
            if (properties.TryGetValue(name, out var property))
            {
                Value(property.PropertyType, value, path, found);
            }
            else
            {
                found.Add(string.Concat(path));
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    // A value of the wrong JSON type is a decoding error, not an unknown field, so it is not looked into.
    private static void Value(Type type, JsonNode? value, List<string> path, List<string> found)
    {
        var shape = ModelShape.Of(type);
        switch (shape.Kind)
        {
            case ShapeKind.Model when value is JsonObject obj:
                Walk(shape.Element!, obj, path, found);
                break;
            case ShapeKind.Array when value is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add($"[{i}]");
                    Value(shape.Element!, array[i], path, found);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case ShapeKind.Map when value is JsonObject map && ModelShape.Of(shape.Element!).Kind is ShapeKind.Model or ShapeKind.Array or ShapeKind.Map:
                // Map keys are data (labels, resource names), never fields; only model-typed values have fields.
                foreach (var (key, item) in map)
                {
                    path.Add("." + key);
                    Value(shape.Element!, item, path, found);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            default:
                break;
        }
    }
}
