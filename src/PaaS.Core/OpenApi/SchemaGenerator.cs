using System.Reflection;
using System.Text.Json.Nodes;

namespace PaaS.Core.OpenApi;

/// <summary>
/// Builds OpenAPI v3 component schemas for <c>k8s.Models</c> types by reflection, in the shape the API server
/// publishes (fields referencing models use <c>allOf</c> so a description can sit beside the reference).
/// </summary>
internal sealed class SchemaGenerator
{
    private readonly SortedDictionary<string, JsonObject> schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> names = [];

    /// <param name="kinds">Models to mark with <c>x-kubernetes-group-version-kind</c>.</param>
    public SchemaGenerator(IReadOnlyDictionary<Type, (string Group, string Version, string Kind)> kinds) => Kinds = kinds;

    private IReadOnlyDictionary<Type, (string Group, string Version, string Kind)> Kinds { get; }

    public JsonObject Components()
    {
        var result = new JsonObject();
        foreach (var (name, schema) in schemas)
        {
            result[name] = schema.DeepClone();
        }

        return result;
    }

    /// <summary>Adds the model and everything it references; returns its component name.</summary>
    public string Add(Type model)
    {
        if (names.TryGetValue(model, out var existing))
        {
            return existing;
        }

        var name = SchemaNames.For(model);
        if (schemas.ContainsKey(name))
        {
            // Two C# types mapped to one Kubernetes name; keep both distinct rather than merge them.
            name = "k8s.Models." + model.Name;
        }

        names[model] = name;
        var schema = new JsonObject();
        schemas[name] = schema;

        if (ModelDocs.Of(model) is { Length: > 0 } description)
        {
            schema["description"] = description;
        }

        schema["type"] = "object";
        var properties = new JsonObject();
        foreach (var (field, property) in ModelShape.Properties(model).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var fieldSchema = Field(property);
            PatchExtensions.Apply(model, field, fieldSchema);
            properties[field] = fieldSchema;
        }

        schema["properties"] = properties;
        if (Kinds.TryGetValue(model, out var gvk))
        {
            schema["x-kubernetes-group-version-kind"] = new JsonArray(
                new JsonObject { ["group"] = gvk.Group, ["kind"] = gvk.Kind, ["version"] = gvk.Version });
        }

        return name;
    }

    /// <summary>Kubernetes' Patch body schema: any JSON, typed by the request's content type.</summary>
    public void AddPatch() => schemas[SchemaNames.Patch] = new JsonObject
    {
        ["description"] = "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.",
        ["type"] = "object",
    };

    private JsonObject Field(PropertyInfo property)
    {
        var schema = For(property.PropertyType);
        if (ModelDocs.Of(property) is not { Length: > 0 } description)
        {
            return schema;
        }

        if (schema.ContainsKey("$ref"))
        {
            // Siblings of $ref are ignored in OpenAPI 3.0, so the API server wraps references in allOf.
            schema = new JsonObject { ["allOf"] = new JsonArray(schema) };
        }

        schema["description"] = description;
        return schema;
    }

    private JsonObject For(Type type)
    {
        var shape = ModelShape.Of(type);
        return shape.Kind switch
        {
            ShapeKind.String => new JsonObject { ["type"] = "string" },
            ShapeKind.Integer32 => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ShapeKind.Integer64 => new JsonObject { ["type"] = "integer", ["format"] = "int64" },
            ShapeKind.Number => new JsonObject { ["type"] = "number", ["format"] = "double" },
            ShapeKind.Boolean => new JsonObject { ["type"] = "boolean" },
            ShapeKind.DateTime => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ShapeKind.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
            ShapeKind.IntOrString => Reference(SchemaNames.IntOrString, IntOrString),
            ShapeKind.Quantity => Reference(SchemaNames.Quantity, Quantity),
            ShapeKind.Array => new JsonObject { ["type"] = "array", ["items"] = For(shape.Element!) },
            ShapeKind.Map => new JsonObject { ["type"] = "object", ["additionalProperties"] = For(shape.Element!) },
            ShapeKind.Model => new JsonObject { ["$ref"] = "#/components/schemas/" + Add(shape.Element!) },
            _ => new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
        };
    }

    private JsonObject Reference(string name, Func<JsonObject> create)
    {
        if (!schemas.ContainsKey(name))
        {
            schemas[name] = create();
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    // The API server's v3 forms of IntOrString and Quantity: oneOf without a type, so explain names them by reference.
    private static JsonObject IntOrString() => new()
    {
        ["description"] = "IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.",
        ["format"] = "int-or-string",
        ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
        ["x-kubernetes-int-or-string"] = true,
    };

    private static JsonObject Quantity() => new()
    {
        ["description"] = "Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors. Written as a string (\"100m\", \"1Gi\") or a number.",
        ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "number" }),
    };
}
