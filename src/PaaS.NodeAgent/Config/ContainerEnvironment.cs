using System.Globalization;
using System.Text;
using k8s.Models;

namespace PaaS.NodeAgent.Config;

/// <summary>
/// A container's environment as the kubelet assembles it: <c>envFrom</c> (ConfigMaps and Secrets, with
/// prefix) first, then <c>env</c>, later entries winning; <c>valueFrom</c> reads a ConfigMap or Secret key,
/// a pod field (downward API) or a resource limit. A missing source that is not <c>optional</c> refuses the
/// container with Kubernetes' message. <c>$(VAR)</c> references are not expanded.
/// </summary>
public static class ContainerEnvironment
{
    public static async Task<List<string>> ResolveAsync(V1Pod pod, V1Container container, PodFields fields, IPodConfigSource? config, CancellationToken ct)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            var values = source.ConfigMapRef is { } cm
                ? (await ConfigMapAsync(config, ns, cm.Name, cm.Optional == true, ct))?.Data
                : source.SecretRef is { } s
                    ? (await SecretAsync(config, ns, s.Name, s.Optional == true, ct)) is { } secret ? SecretValues(secret) : null
                    : null;
            foreach (var (key, value) in values ?? new Dictionary<string, string>())
            {
                env[(source.Prefix ?? "") + key] = value;
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            if (await ValueAsync(variable, pod, container, fields, config, ct) is { } value)
            {
                env[variable.Name] = value;
            }
        }

        return env.Select(e => $"{e.Key}={e.Value}").ToList();
    }

    private static async Task<string?> ValueAsync(V1EnvVar variable, V1Pod pod, V1Container container, PodFields fields, IPodConfigSource? config, CancellationToken ct)
    {
        var from = variable.ValueFrom;
        if (from is null)
        {
            return variable.Value ?? "";
        }

        var ns = pod.Metadata.NamespaceProperty;
        if (from.ConfigMapKeyRef is { } cmKey)
        {
            var map = await ConfigMapAsync(config, ns, cmKey.Name, cmKey.Optional == true, ct);
            if (map?.Data?.TryGetValue(cmKey.Key, out var value) == true)
            {
                return value;
            }

            return map is null || cmKey.Optional == true ? null : throw new PodConfigException($"couldn't find key {cmKey.Key} in ConfigMap {ns}/{cmKey.Name}");
        }

        if (from.SecretKeyRef is { } secretKey)
        {
            var secret = await SecretAsync(config, ns, secretKey.Name, secretKey.Optional == true, ct);
            if (secret is not null && SecretValues(secret).TryGetValue(secretKey.Key, out var value))
            {
                return value;
            }

            return secret is null || secretKey.Optional == true ? null : throw new PodConfigException($"couldn't find key {secretKey.Key} in Secret {ns}/{secretKey.Name}");
        }

        if (from.FieldRef is { } field)
        {
            return field.FieldPath switch
            {
                "metadata.name" => pod.Metadata.Name,
                "metadata.namespace" => ns,
                "metadata.uid" => pod.Metadata.Uid,
                "spec.nodeName" => fields.NodeName,
                "spec.serviceAccountName" => pod.Spec.ServiceAccountName ?? "",
                "status.podIP" => fields.PodIp,
                "status.hostIP" => fields.HostIp,
                _ when field.FieldPath.StartsWith("metadata.labels['", StringComparison.Ordinal) => Indexed(pod.Metadata.Labels, field.FieldPath),
                _ when field.FieldPath.StartsWith("metadata.annotations['", StringComparison.Ordinal) => Indexed(pod.Metadata.Annotations, field.FieldPath),
                _ => throw new PodConfigException($"unsupported fieldPath {field.FieldPath} in env {variable.Name}"),
            };
        }

        if (from.ResourceFieldRef is { } resource)
        {
            var (kind, name) = resource.Resource.Split('.', 2) is [var k, var n] ? (k, n) : ("", resource.Resource);
            var quantities = kind == "requests" ? container.Resources?.Requests : container.Resources?.Limits;
            if (quantities?.TryGetValue(name, out var quantity) != true)
            {
                return "";
            }

            var divisor = resource.Divisor?.ToDecimal() is { } d && d != 0 ? d : 1m;
            return Math.Ceiling(quantity!.ToDecimal() / divisor).ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static string Indexed(IDictionary<string, string>? values, string path)
    {
        var key = path[(path.IndexOf('\'', StringComparison.Ordinal) + 1)..path.LastIndexOf('\'')];
        return values?.TryGetValue(key, out var value) == true ? value : "";
    }

    internal static async Task<V1ConfigMap?> ConfigMapAsync(IPodConfigSource? config, string ns, string name, bool optional, CancellationToken ct)
    {
        var map = config is null ? null : await config.ConfigMapAsync(ns, name, ct);
        return map is null && !optional ? throw new PodConfigException($"configmap \"{name}\" not found") : map;
    }

    internal static async Task<V1Secret?> SecretAsync(IPodConfigSource? config, string ns, string name, bool optional, CancellationToken ct)
    {
        var secret = config is null ? null : await config.SecretAsync(ns, name, ct);
        return secret is null && !optional ? throw new PodConfigException($"secret \"{name}\" not found") : secret;
    }

    /// <summary>A Secret's values as text (its <c>data</c>, with <c>stringData</c> should a writer have left any).</summary>
    internal static Dictionary<string, string> SecretValues(V1Secret secret)
    {
        var values = (secret.Data ?? new Dictionary<string, byte[]>()).ToDictionary(d => d.Key, d => Encoding.UTF8.GetString(d.Value), StringComparer.Ordinal);
        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return values;
    }
}

/// <summary>The pod's fields the downward API serves that are known only on the node.</summary>
public sealed record PodFields(string NodeName, string PodIp, string HostIp);
