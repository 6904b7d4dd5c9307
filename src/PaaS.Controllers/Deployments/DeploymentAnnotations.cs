using System.Globalization;
using k8s.Models;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// The annotations the deployment controller keeps on its replica sets (and the revision on the deployment itself),
/// with Kubernetes' rules for maintaining them (deployment/util SetNewReplicaSetAnnotations and friends).
/// </summary>
public static class DeploymentAnnotations
{
    /// <summary>The template revision a replica set holds; the deployment carries its new replica set's.</summary>
    public const string Revision = "deployment.kubernetes.io/revision";

    /// <summary>Earlier revisions of a replica set whose template came back (a rollback), comma separated.</summary>
    public const string RevisionHistory = "deployment.kubernetes.io/revision-history";

    /// <summary>The deployment's replicas when the replica set was last scaled; a difference means the user scaled.</summary>
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";

    /// <summary>replicas + maxSurge when the replica set was last scaled: the base of proportional scaling.</summary>
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";

    /// <summary>Kubernetes stops appending to <see cref="RevisionHistory"/> beyond this length.</summary>
    public const int MaxRevisionHistoryLength = 2000;

    private static readonly HashSet<string> NotCopiedToReplicaSets = new(StringComparer.Ordinal)
    {
        "kubectl.kubernetes.io/last-applied-configuration",
        Revision,
        RevisionHistory,
        DesiredReplicas,
        MaxReplicas,
        "deprecated.deployment.rollback.to",
    };

    /// <summary>The revision as a number; 0 when absent or not a number (Kubernetes' Revision).</summary>
    public static long RevisionOf(V1ObjectMeta? metadata) =>
        metadata?.Annotations?.TryGetValue(Revision, out var text) == true
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : 0;

    public static int? IntAnnotation(V1ObjectMeta? metadata, string key) =>
        metadata?.Annotations?.TryGetValue(key, out var text) == true
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>Sets desired-replicas and max-replicas; true when either changed.</summary>
    public static bool SetReplicasAnnotations(V1ReplicaSet replicaSet, int desiredReplicas, int maxReplicas)
    {
        ArgumentNullException.ThrowIfNull(replicaSet);
        var annotations = replicaSet.Metadata.Annotations ??= new Dictionary<string, string>();
        var changed = SetIfDifferent(annotations, DesiredReplicas, desiredReplicas.ToString(CultureInfo.InvariantCulture));
        return SetIfDifferent(annotations, MaxReplicas, maxReplicas.ToString(CultureInfo.InvariantCulture)) || changed;
    }

    /// <summary>
    /// Kubernetes' SetNewReplicaSetAnnotations: copy the deployment's own annotations, raise the revision to
    /// <paramref name="newRevision"/> when it is lower (recording the old one in the revision history: that is a rollback),
    /// and for a replica set about to be created, set the replicas annotations. True when anything changed.
    /// </summary>
    public static bool SetNewReplicaSetAnnotations(V1Deployment deployment, V1ReplicaSet replicaSet, long newRevision, bool exists)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(replicaSet);
        var annotations = replicaSet.Metadata.Annotations ??= new Dictionary<string, string>();
        var changed = false;
        foreach (var (key, value) in deployment.Metadata.Annotations ?? new Dictionary<string, string>())
        {
            if (!NotCopiedToReplicaSets.Contains(key))
            {
                changed |= SetIfDifferent(annotations, key, value);
            }
        }

        var hadRevision = annotations.TryGetValue(Revision, out var oldRevisionText);
        long oldRevision = 0;
        if (hadRevision && !long.TryParse(oldRevisionText, NumberStyles.None, CultureInfo.InvariantCulture, out oldRevision))
        {
            // Kubernetes leaves a replica set with a garbled revision alone rather than guess.
            return changed;
        }

        if (oldRevision < newRevision)
        {
            annotations[Revision] = newRevision.ToString(CultureInfo.InvariantCulture);
            changed = true;
            if (hadRevision)
            {
                AppendRevisionHistory(annotations, oldRevisionText!);
            }
        }

        if (!exists)
        {
            var replicas = RolloutMath.Replicas(deployment);
            changed |= SetReplicasAnnotations(replicaSet, replicas, replicas + RolloutMath.MaxSurge(deployment));
        }

        return changed;
    }

    private static void AppendRevisionHistory(IDictionary<string, string> annotations, string oldRevision)
    {
        var history = annotations.TryGetValue(RevisionHistory, out var text) ? text : "";
        if (history.Length == 0)
        {
            annotations[RevisionHistory] = oldRevision;
            return;
        }

        // Drop the oldest entries until the new one fits, as Kubernetes does.
        var revisions = history.Split(',').ToList();
        var totalLength = history.Length + oldRevision.Length + 1;
        var start = 0;
        while (totalLength > MaxRevisionHistoryLength && start < revisions.Count)
        {
            totalLength -= revisions[start].Length + 1;
            start++;
        }

        if (totalLength <= MaxRevisionHistoryLength)
        {
            annotations[RevisionHistory] = string.Join(',', revisions.Skip(start).Append(oldRevision));
        }
    }

    private static bool SetIfDifferent(IDictionary<string, string> annotations, string key, string value)
    {
        if (annotations.TryGetValue(key, out var existing) && existing == value)
        {
            return false;
        }

        annotations[key] = value;
        return true;
    }
}
