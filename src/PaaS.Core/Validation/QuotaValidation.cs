using k8s.Models;
using PaaS.Core.Quantities;
using PaaS.Core.Resources;

namespace PaaS.Core.Validation;

/// <summary>ResourceQuota and LimitRange rules (ValidateResourceQuota, ValidateLimitRange), and quota resource names for Teams.</summary>
internal static class QuotaValidation
{
    private const string CountPrefix = "count/";

    private static readonly HashSet<string> StandardQuotaResources = new(StringComparer.Ordinal)
    {
        "pods", "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory",
        "services", "secrets", "configmaps", "resourcequotas",
    };

    private static readonly string[] LimitTypes = ["Container", "Pod"];

    /// <summary>Quota resources that count objects and so must be whole numbers.</summary>
    public static bool IsCountResource(string resource) =>
        resource.StartsWith(CountPrefix, StringComparison.Ordinal)
        || resource is "pods" or "services" or "secrets" or "configmaps" or "resourcequotas";

    public static void ValidateResourceQuota(V1ResourceQuota quota, List<FieldError> errors) =>
        ValidateQuotaSpec(quota.Spec, "spec", errors);

    /// <summary>hard's keys, and the refusal of scopes: this platform's quotas always cover every object of their namespace.</summary>
    public static void ValidateQuotaSpec(V1ResourceQuotaSpec? spec, string path, List<FieldError> errors)
    {
        foreach (var name in spec?.Hard?.Keys ?? [])
        {
            if (!IsSupportedQuotaResource(name))
            {
                errors.Add(FieldError.Invalid($"{path}.hard[{name}]", name, name.StartsWith(CountPrefix, StringComparison.Ordinal)
                    ? "must be a standard resource for quota: count/<resource>[.<group>] of a kind this server serves, such as count/pods or count/deployments.apps"
                    : "must be a standard resource for quota"));
            }
        }

        if (spec?.Scopes is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(path + ".scopes", "quota scopes are not supported: a quota applies to every object in its namespace"));
        }

        if (spec?.ScopeSelector?.MatchExpressions is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(path + ".scopeSelector", "quota scope selectors are not supported: a quota applies to every object in its namespace"));
        }
    }

    public static void ValidateLimitRange(V1LimitRange range, List<FieldError> errors)
    {
        var limits = range.Spec?.Limits ?? [];
        var types = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < limits.Count; i++)
        {
            var item = limits[i];
            var at = $"spec.limits[{i}]";
            if (string.IsNullOrEmpty(item.Type))
            {
                errors.Add(FieldError.Required(at + ".type"));
            }
            else if (!LimitTypes.Contains(item.Type))
            {
                errors.Add(FieldError.NotSupported(at + ".type", item.Type, LimitTypes));
            }
            else if (!types.Add(item.Type))
            {
                errors.Add(FieldError.Duplicate(at + ".type", item.Type));
            }

            if (item.Type == "Pod")
            {
                if (item.DefaultProperty is { Count: > 0 })
                {
                    errors.Add(FieldError.Forbidden(at + ".default", "may not be specified when `type` is 'Pod'"));
                }

                if (item.DefaultRequest is { Count: > 0 })
                {
                    errors.Add(FieldError.Forbidden(at + ".defaultRequest", "may not be specified when `type` is 'Pod'"));
                }
            }

            ValidateOrder(item, at, errors);
        }
    }

    private static bool IsSupportedQuotaResource(string name)
    {
        if (StandardQuotaResources.Contains(name))
        {
            return true;
        }

        return name.StartsWith(CountPrefix, StringComparison.Ordinal)
            && ResourceTypes.FindByGroupResource(name[CountPrefix.Length..]) is not null;
    }

    /// <summary>min ≤ defaultRequest ≤ default ≤ max per resource, and ratios of at least 1, with Kubernetes' messages.</summary>
    private static void ValidateOrder(V1LimitRangeItem item, string at, List<FieldError> errors)
    {
        var min = Values(item.Min);
        var max = Values(item.Max);
        var defaults = item.Type == "Pod" ? [] : Values(item.DefaultProperty);
        var defaultRequests = item.Type == "Pod" ? [] : Values(item.DefaultRequest);
        var ratios = Values(item.MaxLimitRequestRatio);
        var keys = min.Keys.Concat(max.Keys).Concat(defaults.Keys).Concat(defaultRequests.Keys).Concat(ratios.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            var hasMin = min.TryGetValue(k, out var lo);
            var hasMax = max.TryGetValue(k, out var hi);
            var hasDefault = defaults.TryGetValue(k, out var limit);
            var hasRequest = defaultRequests.TryGetValue(k, out var request);
            if (hasMin && hasMax && lo.Value > hi.Value)
            {
                errors.Add(FieldError.Invalid($"{at}.min[{k}]", lo.Text, $"min value {lo.Text} is greater than max value {hi.Text}"));
            }

            if (hasRequest && hasMin && lo.Value > request.Value)
            {
                errors.Add(FieldError.Invalid($"{at}.defaultRequest[{k}]", request.Text, $"min value {lo.Text} is greater than default request value {request.Text}"));
            }

            if (hasRequest && hasMax && request.Value > hi.Value)
            {
                errors.Add(FieldError.Invalid($"{at}.defaultRequest[{k}]", request.Text, $"default request value {request.Text} is greater than max value {hi.Text}"));
            }

            if (hasRequest && hasDefault && request.Value > limit.Value)
            {
                errors.Add(FieldError.Invalid($"{at}.defaultRequest[{k}]", request.Text, $"default request value {request.Text} is greater than default limit value {limit.Text}"));
            }

            if (hasDefault && hasMin && lo.Value > limit.Value)
            {
                errors.Add(FieldError.Invalid($"{at}.default[{k}]", lo.Text, $"min value {lo.Text} is greater than default value {limit.Text}"));
            }

            if (hasDefault && hasMax && limit.Value > hi.Value)
            {
                errors.Add(FieldError.Invalid($"{at}.default[{k}]", hi.Text, $"default value {limit.Text} is greater than max value {hi.Text}"));
            }

            if (ratios.TryGetValue(k, out var ratio) && ratio.Value < 1)
            {
                errors.Add(FieldError.Invalid($"{at}.maxLimitRequestRatio[{k}]", ratio.Text, $"ratio {ratio.Text} is less than 1"));
            }
        }
    }

    /// <summary>Parseable quantities only: the raw JSON check (<see cref="QuantityValidation"/>) reports the others.</summary>
    private static Dictionary<string, (decimal Value, string Text)> Values(IDictionary<string, ResourceQuantity>? list)
    {
        var result = new Dictionary<string, (decimal, string)>(StringComparer.Ordinal);
        foreach (var (name, quantity) in list ?? new Dictionary<string, ResourceQuantity>())
        {
            var text = quantity?.ToString();
            if (Quantity.TryParse(text, out var parsed, out _))
            {
                result[name] = (parsed.Value, text!);
            }
        }

        return result;
    }
}
