using k8s;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Storage;
using PaaS.Core.Defaults;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;
using PaaS.Core.Validation;

namespace PaaS.ApiServer.Objects;

/// <summary>
/// Admission for every write: the body names the right kind, fits the kind's schema, gets Kubernetes'
/// defaults and passes validation. Anything wrong is a 4xx naming the field, before anything is stored.
/// </summary>
internal static class ObjectAdmission
{
    public static IKubernetesObject<V1ObjectMeta> Decode(ResourceType type, JsonObject body)
    {
        var apiVersion = body["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var a) ? a : null;
        var kind = body["kind"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : null;
        // Like kube-apiserver, the URL supplies what the body leaves out (client libraries often omit both).
        if (string.IsNullOrEmpty(kind))
        {
            body["kind"] = kind = type.Kind;
        }

        if (string.IsNullOrEmpty(apiVersion))
        {
            body["apiVersion"] = apiVersion = type.ApiVersion;
        }

        if (apiVersion != type.ApiVersion || kind != type.Kind)
        {
            var known = ResourceTypes.FindByKind(apiVersion, kind) is not null;
            throw ApiException.BadRequest(known
                ? $"the API version in the data ({apiVersion}) and kind ({kind}) do not match the expected {type.ApiVersion} {type.Kind} of this URL"
                : $"no kind \"{kind}\" is registered for version \"{apiVersion}\"; this URL serves {type.ApiVersion} {type.Kind}");
        }

        var name = body["metadata"]?["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : "";
        var jsonErrors = ObjectValidator.ValidateJson(type, body);
        if (jsonErrors.Count > 0)
        {
            throw ApiException.Invalid(type.Kind, type.Group, name, jsonErrors);
        }

        try
        {
            return ObjectJson.ToModel(type, body);
        }
        catch (JsonException e)
        {
            var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            throw ApiException.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: field {(path.Length == 0 ? "(root)" : path)} has the wrong type: {FirstSentence(e.Message)}");
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw ApiException.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: {e.Message}");
        }
    }

    /// <summary>Applies defaults and validates; throws 422 Invalid listing every field error.</summary>
    public static void DefaultAndValidate(ResourceType type, IKubernetesObject<V1ObjectMeta> obj)
    {
        ObjectDefaults.Apply(obj);
        var errors = ObjectValidator.Validate(type, obj);
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(type.Kind, type.Group, obj.Metadata?.Name ?? "", errors);
        }
    }

    /// <summary>Fields Kubernetes refuses to change after creation.</summary>
    public static void ValidateImmutable(ResourceType type, IKubernetesObject<V1ObjectMeta> current, IKubernetesObject<V1ObjectMeta> updated)
    {
        var (before, after) = (current, updated) switch
        {
            (V1Deployment c, V1Deployment u) => (c.Spec?.Selector, u.Spec?.Selector),
            (V1ReplicaSet c, V1ReplicaSet u) => (c.Spec?.Selector, u.Spec?.Selector),
            _ => (null, null),
        };
        if (before is not null && ObjectJson.Serialize(before) != (after is null ? "" : ObjectJson.Serialize(after)))
        {
            throw ApiException.Invalid(type.Kind, type.Group, updated.Metadata?.Name ?? "",
                [FieldError.Invalid("spec.selector", after is null ? "null" : ObjectJson.Serialize(after), "field is immutable")]);
        }
    }

    /// <summary>Builds the row to store; metadata.resourceVersion becomes a placeholder the database fills in.</summary>
    public static ObjectWrite ToWrite(ResourceType type, IKubernetesObject<V1ObjectMeta> obj)
    {
        var placeholder = "rv-" + Guid.NewGuid().ToString("N");
        var meta = obj.Metadata;
        meta.ResourceVersion = placeholder;
        var labels = JsonSerializer.Serialize(meta.Labels ?? new Dictionary<string, string>());
        var (node, phase) = obj is V1Pod pod ? (NullIfEmpty(pod.Spec?.NodeName), NullIfEmpty(pod.Status?.Phase)) : (null, null);
        DateTimeOffset? deletion = meta.DeletionTimestamp is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;
        var usage = type.Namespaced ? LedgerJson(QuotaUsage.Of(type, obj)) : null;
        return new ObjectWrite(type.GroupResource, meta.NamespaceProperty ?? "", meta.Name, Guid.Parse(meta.Uid), labels, node, phase, deletion,
            ObjectJson.Serialize(obj), placeholder, usage);
    }

    /// <summary>Quota amounts as a JSON object of exact numbers (decimal prints exactly; PostgreSQL reads it as numeric).</summary>
    private static string? LedgerJson(IReadOnlyDictionary<string, decimal> amounts) =>
        amounts.Count == 0 ? null : JsonSerializer.Serialize(amounts);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string FirstSentence(string message) => message.Split(". Path:")[0];
}
