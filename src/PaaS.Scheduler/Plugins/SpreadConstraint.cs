using k8s.Models;
using PaaS.Core.Labels;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>One of a pod's topologySpreadConstraints, parsed once per cycle.</summary>
internal sealed record SpreadConstraint(
    int MaxSkew, string TopologyKey, int MinDomains, LabelSelector Selector, bool HonorNodeAffinity, bool HonorNodeTaints)
{
    public const string HostnameKey = "kubernetes.io/hostname";

    /// <summary>The pod's constraints with the given whenUnsatisfiable (DoNotSchedule or ScheduleAnyway).</summary>
    /// <exception cref="FormatException">A label selector is invalid.</exception>
    public static List<SpreadConstraint> Of(V1Pod pod, string whenUnsatisfiable)
    {
        var result = new List<SpreadConstraint>();
        foreach (var c in pod.Spec?.TopologySpreadConstraints ?? [])
        {
            if (c is null || c.WhenUnsatisfiable != whenUnsatisfiable)
            {
                continue;
            }

            result.Add(new SpreadConstraint(
                c.MaxSkew,
                c.TopologyKey ?? string.Empty,
                c.MinDomains ?? 1,
                SelectorOf(c, pod.Metadata?.Labels),
                HonorNodeAffinity: c.NodeAffinityPolicy != "Ignore",
                HonorNodeTaints: c.NodeTaintsPolicy == "Honor"));
        }

        return result;
    }

    /// <summary>Pods on the node in <paramref name="namespace"/> that the selector matches; terminating pods are not counted.</summary>
    public int CountMatchingPods(NodeInfo node, string @namespace)
    {
        var count = 0;
        foreach (var pod in node.Pods)
        {
            if (!pod.IsTerminating && pod.Namespace == @namespace && Selector.Matches(pod.Labels))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// nodeInclusionPolicies: by default (nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore) only nodes that satisfy
    /// the pod's nodeSelector and required affinity count as domains, whatever their taints.
    /// </summary>
    public bool IncludesNode(V1Pod pod, NodeInfo node) =>
        (!HonorNodeAffinity || RequiredNodeAffinity.Matches(pod, node.Node))
        && (!HonorNodeTaints || Tolerations.FirstUntoleratedHardTaint(node.Node, pod.Spec?.Tolerations) is null);

    /// <summary>A node lacking any constraint's topology key belongs to no domain and is left out of spreading.</summary>
    public static bool NodeHasAllKeys(IDictionary<string, string> labels, List<SpreadConstraint> constraints) =>
        constraints.TrueForAll(c => labels.ContainsKey(c.TopologyKey));

    // A null selector matches nothing; matchLabelKeys adds "key in (the pod's value)" for each key the pod carries,
    // so that e.g. pod-template-hash keeps the spread per ReplicaSet revision.
    private static LabelSelector SelectorOf(V1TopologySpreadConstraint constraint, IDictionary<string, string>? podLabels)
    {
        if (constraint.LabelSelector is null)
        {
            return LabelSelector.Nothing;
        }

        var extra = (constraint.MatchLabelKeys ?? [])
            .Where(key => podLabels is not null && podLabels.ContainsKey(key))
            .Select(key => new V1LabelSelectorRequirement { Key = key, OperatorProperty = "In", Values = [podLabels![key]] })
            .ToList();
        if (extra.Count == 0)
        {
            return LabelSelector.FromModel(constraint.LabelSelector);
        }

        return LabelSelector.FromModel(new V1LabelSelector
        {
            MatchLabels = constraint.LabelSelector.MatchLabels,
            MatchExpressions = [.. constraint.LabelSelector.MatchExpressions ?? [], .. extra],
        });
    }
}
