using System.Globalization;
using k8s.Models;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// A pod's hard node constraints (component-helpers nodeaffinity.GetRequiredNodeAffinity): spec.nodeSelector
/// labels must all match, and of the required node affinity's nodeSelectorTerms at least one must match, a term
/// matching when all its matchExpressions and matchFields do. A malformed term (wrong value count, unknown
/// operator, non-integer Gt/Lt) matches nothing, and other terms are still tried, as in Kubernetes.
/// </summary>
internal static class RequiredNodeAffinity
{
    /// <summary>True when the pod constrains nodes at all; lets the plugin skip its filter for most pods.</summary>
    public static bool HasConstraints(V1Pod pod) =>
        pod.Spec?.NodeSelector is { Count: > 0 }
        || pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution is not null;

    public static bool Matches(V1Pod pod, V1Node node)
    {
        // Called per node (and per spread constraint), so no allocation on the common path without a selector.
        if (pod.Spec?.NodeSelector is { Count: > 0 } selector)
        {
            var labels = node.Metadata?.Labels;
            foreach (var (key, value) in selector)
            {
                if (labels is null || !labels.TryGetValue(key, out var actual) || actual != value)
                {
                    return false;
                }
            }
        }

        var required = pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;
        return required is null || (required.NodeSelectorTerms ?? []).Any(term => term is not null && TermMatches(term, node));
    }

    private static bool TermMatches(V1NodeSelectorTerm term, V1Node node)
    {
        var expressions = term.MatchExpressions ?? [];
        var fields = term.MatchFields ?? [];

        // An empty term selects no node.
        if (expressions.Count == 0 && fields.Count == 0)
        {
            return false;
        }

        var labels = node.Metadata?.Labels;
        return expressions.All(r => r is not null && LabelMatches(r, labels))
            && fields.All(r => r is not null && FieldMatches(r, node.Metadata?.Name ?? string.Empty));
    }

    private static bool LabelMatches(V1NodeSelectorRequirement requirement, IDictionary<string, string>? labels)
    {
        var values = requirement.Values ?? [];
        string? actual = null;
        var present = labels is not null && labels.TryGetValue(requirement.Key ?? string.Empty, out actual);
        return requirement.OperatorProperty switch
        {
            "In" => values.Count > 0 && present && values.Contains(actual),
            "NotIn" => values.Count > 0 && (!present || !values.Contains(actual)),
            "Exists" => values.Count == 0 && present,
            "DoesNotExist" => values.Count == 0 && !present,
            "Gt" => values.Count == 1 && present && Compare(actual, values[0]) is > 0,
            "Lt" => values.Count == 1 && present && Compare(actual, values[0]) is < 0,
            _ => false,
        };
    }

    // Gt and Lt compare integers; a label or value that is not one makes the requirement fail.
    private static int? Compare(string? label, string value) =>
        long.TryParse(label, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var left)
        && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var right)
            ? left.CompareTo(right)
            : null;

    // Kubernetes supports only metadata.name here, with In or NotIn and exactly one value.
    private static bool FieldMatches(V1NodeSelectorRequirement requirement, string nodeName)
    {
        if (requirement.Key != "metadata.name" || requirement.Values is not { Count: 1 } values)
        {
            return false;
        }

        return requirement.OperatorProperty switch
        {
            "In" => values[0] == nodeName,
            "NotIn" => values[0] != nodeName,
            _ => false,
        };
    }
}
