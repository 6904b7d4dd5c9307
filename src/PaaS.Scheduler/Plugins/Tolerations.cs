using k8s.Models;

namespace PaaS.Scheduler.Plugins;

/// <summary>Taint and toleration matching (k8s.io/api/core/v1 Toleration.ToleratesTaint and FindMatchingUntoleratedTaint).</summary>
internal static class Tolerations
{
    public const string NoSchedule = "NoSchedule";
    public const string PreferNoSchedule = "PreferNoSchedule";
    public const string NoExecute = "NoExecute";

    /// <summary>An empty effect or key tolerates any; operator Exists ignores the value, Equal (or empty) compares it.</summary>
    public static bool Tolerates(V1Toleration toleration, V1Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key)
        {
            return false;
        }

        return toleration.OperatorProperty switch
        {
            null or "" or "Equal" => (toleration.Value ?? string.Empty) == (taint.Value ?? string.Empty),
            "Exists" => true,
            _ => false,
        };
    }

    public static bool AnyTolerates(IList<V1Toleration>? tolerations, V1Taint taint)
    {
        foreach (var toleration in tolerations ?? [])
        {
            if (toleration is not null && Tolerates(toleration, taint))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first NoSchedule or NoExecute taint of the node that the pod does not tolerate, if any.</summary>
    public static V1Taint? FirstUntoleratedHardTaint(V1Node node, IList<V1Toleration>? tolerations)
    {
        foreach (var taint in node.Spec?.Taints ?? [])
        {
            if (taint is { Effect: NoSchedule or NoExecute } && !AnyTolerates(tolerations, taint))
            {
                return taint;
            }
        }

        return null;
    }
}
