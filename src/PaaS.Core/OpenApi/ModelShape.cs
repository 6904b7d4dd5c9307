using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace PaaS.Core.OpenApi;

/// <summary>What a CLR type used by <c>k8s.Models</c> looks like on the wire.</summary>
internal enum ShapeKind
{
    String,
    Integer32,
    Integer64,
    Number,
    Boolean,
    DateTime,
    Bytes,
    IntOrString,
    Quantity,
    Array,
    Map,
    Model,
    // Untyped fields (object, JsonElement) accept anything, like x-kubernetes-preserve-unknown-fields.
    Any,
}

internal sealed record Shape(ShapeKind Kind, Type? Element = null);

/// <summary>
/// Reflection over the <c>k8s.Models</c> types shared by the schema generator and the unknown-field finder,
/// so both agree on which JSON fields a kind has.
/// </summary>
internal static class ModelShape
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> PropertyCache = new();
    private static readonly ConcurrentDictionary<Type, Shape> ShapeCache = new();

    /// <summary>Cached: field validation asks for every value of every request.</summary>
    public static Shape Of(Type type) => ShapeCache.GetOrAdd(type, Compute);

    private static Shape Compute(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new(ShapeKind.String);
        if (type == typeof(int) || type == typeof(short) || type == typeof(byte)) return new(ShapeKind.Integer32);
        if (type == typeof(long) || type == typeof(uint) || type == typeof(ulong)) return new(ShapeKind.Integer64);
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return new(ShapeKind.Number);
        if (type == typeof(bool)) return new(ShapeKind.Boolean);
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return new(ShapeKind.DateTime);
        if (type == typeof(byte[])) return new(ShapeKind.Bytes);
        if (type.Name == "IntOrString") return new(ShapeKind.IntOrString);
        if (type.Name == "ResourceQuantity") return new(ShapeKind.Quantity);

        var dictionary = FindGeneric(type, typeof(IDictionary<,>)) ?? FindGeneric(type, typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
        {
            return new(ShapeKind.Map, dictionary.GetGenericArguments()[1]);
        }

        var enumerable = FindGeneric(type, typeof(IEnumerable<>));
        if (enumerable is not null)
        {
            return new(ShapeKind.Array, enumerable.GetGenericArguments()[0]);
        }

        return IsModel(type) ? new(ShapeKind.Model, type) : new(ShapeKind.Any);
    }

    /// <summary>JSON field name to property, from <c>[JsonPropertyName]</c> (the models' only naming source).</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Properties(Type model) =>
        PropertyCache.GetOrAdd(model, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Property, StringComparer.Ordinal));

    /// <summary>The client's models, and the platform's own kinds (paas.dev), which are written the same way.</summary>
    private static bool IsModel(Type type) =>
        type.IsClass && (type.Namespace == "k8s.Models" || type.Namespace == typeof(Tenancy.V1Team).Namespace) && Properties(type).Count > 0;

    private static Type? FindGeneric(Type type, Type definition)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
        {
            return type;
        }

        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
    }
}
