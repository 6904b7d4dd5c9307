using k8s.Models;
using PaaS.Controllers.ReplicaSets;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// Kubernetes' getNewReplicaSet: find the replica set whose template is the deployment's (the oldest, should there be two),
/// bring its revision up to date — which is all a rollback needs — or plan a new one.
/// </summary>
internal static class NewReplicaSets
{
    public const string DeploymentApiVersion = "apps/v1";
    public const string DeploymentKind = "Deployment";

    /// <summary>
    /// Sets <see cref="RolloutContext.New"/> to the existing new replica set, or with <paramref name="create"/> to a
    /// planned one. False when the sync must stop: the hashed name is taken by another template (collisionCount raised).
    /// </summary>
    public static bool Resolve(RolloutContext context, bool create)
    {
        if (context.New is not null)
        {
            return true;
        }

        var deployment = context.Deployment;
        var existing = context.ReplicaSets.FirstOrDefault(rs => PodTemplates.EqualIgnoreHash(rs.Object.Spec.Template, deployment.Spec.Template));
        var newRevision = context.ReplicaSets.Where(rs => rs != existing)
            .Select(rs => DeploymentAnnotations.RevisionOf(rs.Object.Metadata))
            .DefaultIfEmpty(0)
            .Max() + 1;
        if (existing is not null)
        {
            UseExisting(context, existing, newRevision);
            return true;
        }

        return !create || Plan(context, newRevision);
    }

    private static void UseExisting(RolloutContext context, ProjectedReplicaSet existing, long newRevision)
    {
        var deployment = context.Deployment;
        context.New = existing;
        var replicaSet = existing.Object;
        var changed = DeploymentAnnotations.SetNewReplicaSetAnnotations(deployment, replicaSet, newRevision, exists: true);
        if ((replicaSet.Spec.MinReadySeconds ?? 0) != (deployment.Spec.MinReadySeconds ?? 0))
        {
            replicaSet.Spec.MinReadySeconds = deployment.Spec.MinReadySeconds;
            changed = true;
        }

        existing.Modified |= changed;
        context.RecordRevision(DeploymentAnnotations.RevisionOf(replicaSet.Metadata));

        // A deployment that never had a Progressing condition starts being watched for progress from here.
        if (DeploymentProgress.HasProgressDeadline(deployment) && DeploymentConditions.Get(context.Working, DeploymentConditions.Progressing) is null)
        {
            DeploymentConditions.Set(context.Working, DeploymentConditions.New(
                DeploymentConditions.Progressing, "True", DeploymentConditions.FoundNewReplicaSet, $"Found new replica set \"{existing.Name}\"", context.Now));
        }
    }

    private static bool Plan(RolloutContext context, long newRevision)
    {
        var deployment = context.Deployment;
        var hash = PodTemplateHash.Compute(deployment.Spec.Template, context.Working.CollisionCount);
        var name = PodTemplateHash.ReplicaSetName(deployment.Metadata.Name, hash);
        if (context.ReplicaSets.Any(rs => rs.Name == name))
        {
            // Taken by a replica set with another template (one with ours would have been found): a hash collision.
            context.Working.CollisionCount = (context.Working.CollisionCount ?? 0) + 1;
            context.Requeue(TimeSpan.Zero);
            return false;
        }

        var replicaSet = NewReplicaSet(deployment, name, hash);
        var planned = new ProjectedReplicaSet(replicaSet, [], context.MinReadySeconds, context.Now, toCreate: true);
        context.ReplicaSets.Add(planned);
        context.New = planned;
        planned.Replicas = RolloutMath.NewReplicaSetReplicas(deployment, context.TotalReplicas, 0);
        DeploymentAnnotations.SetNewReplicaSetAnnotations(deployment, planned.Object, newRevision, exists: false);

        context.StatusBeforeCreate = ModelCopy.DeepCopy(context.Working);
        context.RecordRevision(newRevision);
        if (DeploymentProgress.HasProgressDeadline(deployment))
        {
            DeploymentConditions.Set(context.Working, DeploymentConditions.New(
                DeploymentConditions.Progressing, "True", DeploymentConditions.NewReplicaSetCreated, $"Created new replica set \"{name}\"", context.Now));
        }

        return true;
    }

    /// <summary>
    /// The template and selector gain the hash label, so the new replica set selects only its own pods and never
    /// fights the old ones over pods that match the deployment's selector.
    /// </summary>
    private static V1ReplicaSet NewReplicaSet(V1Deployment deployment, string name, string hash)
    {
        var template = ModelCopy.DeepCopy(deployment.Spec.Template);
        template.Metadata ??= new V1ObjectMeta();
        template.Metadata.Labels = WithHash(template.Metadata.Labels, hash);
        var selector = ModelCopy.DeepCopy(deployment.Spec.Selector ?? new V1LabelSelector());
        selector.MatchLabels = WithHash(selector.MatchLabels, hash);
        return new V1ReplicaSet
        {
            ApiVersion = ReplicaSetPlanner.ApiVersion,
            Kind = ReplicaSetPlanner.Kind,
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = deployment.Metadata.NamespaceProperty,
                Labels = WithHash(template.Metadata.Labels, hash),
                OwnerReferences = [ControllerReferences.For(DeploymentApiVersion, DeploymentKind, deployment.Metadata)],
            },
            Spec = new V1ReplicaSetSpec
            {
                Replicas = 0,
                MinReadySeconds = deployment.Spec.MinReadySeconds,
                Selector = selector,
                Template = template,
            },
        };
    }

    private static Dictionary<string, string> WithHash(IDictionary<string, string>? labels, string hash) =>
        new(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [PodTemplates.HashLabel] = hash };
}
