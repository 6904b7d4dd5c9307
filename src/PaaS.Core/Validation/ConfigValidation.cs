using System.Text;
using System.Text.Json;
using k8s.Models;

namespace PaaS.Core.Validation;

/// <summary>ConfigMap and Secret rules (ValidateConfigMap, ValidateSecret): config keys, the 1 MiB cap, typed secrets' keys.</summary>
internal static class ConfigValidation
{
    /// <summary>core.MaxSecretSize, which ConfigMaps share.</summary>
    public const int MaxSize = 1024 * 1024;

    private const string Redacted = "<secret contents redacted>";

    public static void ValidateConfigMap(V1ConfigMap configMap, List<FieldError> errors)
    {
        var data = configMap.Data ?? new Dictionary<string, string>();
        var binary = configMap.BinaryData ?? new Dictionary<string, byte[]>();
        long total = 0;
        foreach (var (key, value) in data)
        {
            total += Encoding.UTF8.GetByteCount(value ?? "");
            ValidateKey($"data[{key}]", key, errors);
            if (binary.ContainsKey(key))
            {
                errors.Add(FieldError.Invalid($"data[{key}]", key, "duplicate of key present in binaryData"));
            }
        }

        foreach (var (key, value) in binary)
        {
            total += value?.Length ?? 0;
            ValidateKey($"binaryData[{key}]", key, errors);
            if (data.ContainsKey(key))
            {
                errors.Add(FieldError.Invalid($"binaryData[{key}]", key, "duplicate of key present in data"));
            }
        }

        if (total > MaxSize)
        {
            errors.Add(FieldError.TooLong("data", MaxSize));
        }
    }

    public static void ValidateSecret(V1Secret secret, List<FieldError> errors)
    {
        var data = secret.Data ?? new Dictionary<string, byte[]>();
        long total = 0;
        foreach (var (key, value) in data)
        {
            total += value?.Length ?? 0;
            ValidateKey($"data[{key}]", key, errors);
        }

        // Defaulting merges stringData into data; a secret validated before that still gets its keys and size checked.
        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            total += data.ContainsKey(key) ? 0 : Encoding.UTF8.GetByteCount(value ?? "");
            ValidateKey($"stringData[{key}]", key, errors);
        }

        if (total > MaxSize)
        {
            errors.Add(FieldError.TooLong("data", MaxSize));
        }

        bool Has(string key) => data.ContainsKey(key) || (secret.StringData?.ContainsKey(key) ?? false);
        switch (secret.Type)
        {
            case "kubernetes.io/tls":
                RequireKey(Has, "tls.crt", errors);
                RequireKey(Has, "tls.key", errors);
                break;
            case "kubernetes.io/dockerconfigjson":
                ValidateJsonKey(secret, Has, ".dockerconfigjson", errors);
                break;
            case "kubernetes.io/dockercfg":
                ValidateJsonKey(secret, Has, ".dockercfg", errors);
                break;
            case "kubernetes.io/basic-auth":
                // Either may be empty, but one of them must be there.
                if (!Has("username") && !Has("password"))
                {
                    errors.Add(FieldError.Required("data[username]"));
                    errors.Add(FieldError.Required("data[password]"));
                }

                break;
            case "kubernetes.io/ssh-auth":
                if (Value(secret, "ssh-privatekey") is not { Length: > 0 })
                {
                    errors.Add(FieldError.Required("data[ssh-privatekey]"));
                }

                break;
            case "kubernetes.io/service-account-token":
                if (secret.Metadata?.Annotations is not { } annotations
                    || !annotations.TryGetValue("kubernetes.io/service-account.name", out var account)
                    || string.IsNullOrEmpty(account))
                {
                    errors.Add(FieldError.Required("metadata.annotations[kubernetes.io/service-account.name]"));
                }

                break;
        }
    }

    private static void ValidateKey(string path, string key, List<FieldError> errors) =>
        errors.AddRange(Names.ValidateConfigMapKey(key).Select(p => FieldError.Invalid(path, key, p)));

    private static void RequireKey(Func<string, bool> has, string key, List<FieldError> errors)
    {
        if (!has(key))
        {
            errors.Add(FieldError.Required($"data[{key}]"));
        }
    }

    private static void ValidateJsonKey(V1Secret secret, Func<string, bool> has, string key, List<FieldError> errors)
    {
        if (!has(key))
        {
            errors.Add(FieldError.Required($"data[{key}]"));
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(Value(secret, key) ?? []);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(FieldError.Invalid($"data[{key}]", Redacted, "must be a JSON object"));
            }
        }
        catch (JsonException e)
        {
            // The detail is .NET's parser message, not Go's; the contents are never echoed.
            errors.Add(FieldError.Invalid($"data[{key}]", Redacted, "invalid JSON: " + e.Message));
        }
    }

    private static byte[]? Value(V1Secret secret, string key) =>
        secret.StringData is { } strings && strings.TryGetValue(key, out var text) ? Encoding.UTF8.GetBytes(text ?? "")
            : secret.Data is { } data && data.TryGetValue(key, out var bytes) ? bytes : null;
}
