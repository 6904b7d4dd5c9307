using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace PaaS.Core.Resources;

/// <summary>
/// Converts between Kubernetes JSON and the typed <c>k8s.Models</c>, with the official client's
/// serializer settings (camelCase, nulls omitted, RFC 3339 times, quantities and int-or-strings as Kubernetes writes them).
/// </summary>
public static class ObjectJson
{
    public static JsonSerializerOptions Options { get; } = CaptureClientOptions();

    /// <exception cref="JsonException">The JSON does not fit the kind's schema; <see cref="JsonException.Path"/> says where.</exception>
    public static IKubernetesObject<V1ObjectMeta> ToModel(ResourceType type, JsonObject json) =>
        (IKubernetesObject<V1ObjectMeta>)(json.Deserialize(type.ModelType, Options)
            ?? throw new JsonException("the object is null"));

    public static IKubernetesObject<V1ObjectMeta> ToModel(ResourceType type, string json) =>
        (IKubernetesObject<V1ObjectMeta>)(JsonSerializer.Deserialize(json, type.ModelType, Options)
            ?? throw new JsonException("the object is null"));

    public static JsonObject ToJson(object model) => (JsonObject)JsonSerializer.SerializeToNode(model, model.GetType(), Options)!;

    public static string Serialize(object model) => JsonSerializer.Serialize(model, model.GetType(), Options);

    private static JsonSerializerOptions CaptureClientOptions()
    {
        JsonSerializerOptions? options = null;
        KubernetesJson.AddJsonOptions(o => options = o);
        return options ?? throw new InvalidOperationException("KubernetesJson did not expose its serializer options");
    }
}
