using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PaaS.Contracts;
using PaaS.Controllers.ReplicaSets;
using PaaS.Controllers.Runtime;
using PaaS.Core.Labels;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// Rolls each Deployment out through ReplicaSets: reads the Deployment, the ReplicaSets it controls and
/// their pods, asks <see cref="DeploymentPlanner"/> for one sync's worth of work, and does it through the
/// API in Kubernetes' order — create the new ReplicaSet, scale, clean up old revisions, record the
/// revision, write status. Any failed step ends the sync; the key is retried with back-off.
/// </summary>
public sealed class DeploymentController(IKubernetes api, TimeProvider time) : IController
{
    private readonly EventRecorder _events = new(api, time, "deployment-controller");

    public string Name => "deployment";

    public IEnumerable<string> KeysFor(ResourceChanged change) => change switch
    {
        { Kind: "Deployment" } => [$"{change.Namespace}/{change.Name}"],
        { Kind: "ReplicaSet", OwnerKind: "Deployment", OwnerName: { } owner } => [$"{change.Namespace}/{owner}"],
        _ => [],
    };

    public async Task<IReadOnlyCollection<string>> ListKeysAsync(CancellationToken ct) =>
        (await api.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: ct)).Items
            .Select(d => $"{d.Metadata.NamespaceProperty}/{d.Metadata.Name}").ToList();

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (ns, name) = (key[..slash], key[(slash + 1)..]);
        V1Deployment deployment;
        try
        {
            deployment = await api.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: ct);
            deployment.ApiVersion ??= "apps/v1";
            deployment.Kind ??= "Deployment";
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (deployment.Metadata.DeletionTimestamp is not null)
        {
            return null; // The garbage collector takes it from here.
        }

        var replicaSets = (await api.AppsV1.ListNamespacedReplicaSetAsync(ns, cancellationToken: ct)).Items
            .Where(rs => ControllerReferences.IsControlledBy(rs.Metadata, deployment.Metadata.Uid)).ToList();
        var selector = LabelSelector.FromModel(deployment.Spec.Selector).ToString();
        var pods = (await api.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: ct)).Items.ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var plan = DeploymentPlanner.Plan(new DeploymentObservation(deployment, replicaSets, pods, now));

        if (plan.ReplicaSetToCreate is { } created)
        {
            try
            {
                await api.AppsV1.CreateNamespacedReplicaSetAsync(created, ns, cancellationToken: ct);
                await _events.RecordAsync(deployment, "Normal", "ScalingReplicaSet", $"Scaled up replica set {created.Metadata.Name} from 0 to {created.Spec.Replicas ?? 0}", ct);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                var existing = await api.AppsV1.ReadNamespacedReplicaSetAsync(created.Metadata.Name, ns, cancellationToken: ct);
                if (plan.StatusAfterCreateConflict(existing) is { } collided)
                {
                    await WriteStatusAsync(deployment, collided, ct);
                }

                throw;
            }
            catch (HttpOperationException e)
            {
                await WriteStatusAsync(deployment, plan.StatusAfterCreateFailure(ApiErrors.Message(e), now), ct);
                throw;
            }
        }

        foreach (var update in plan.ReplicaSetsToUpdate)
        {
            await api.AppsV1.ReplaceNamespacedReplicaSetAsync(update.ReplicaSet, update.Name, ns, cancellationToken: ct);
            if (update.Scaled)
            {
                var direction = update.Replicas > update.PreviousReplicas ? "up" : "down";
                await _events.RecordAsync(deployment, "Normal", "ScalingReplicaSet", $"Scaled {direction} replica set {update.Name} from {update.PreviousReplicas} to {update.Replicas}", ct);
            }
        }

        foreach (var old in plan.ReplicaSetsToDelete)
        {
            await api.AppsV1.DeleteNamespacedReplicaSetAsync(old.Metadata.Name, ns,
                new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = old.Metadata.Uid } }, cancellationToken: ct);
        }

        if (plan.RevisionToRecord is { } revision)
        {
            var patch = new V1Patch(new { metadata = new { annotations = new Dictionary<string, string> { [DeploymentAnnotations.Revision] = revision } } }, V1Patch.PatchType.MergePatch);
            deployment = await api.AppsV1.PatchNamespacedDeploymentAsync(patch, name, ns, cancellationToken: ct);
        }

        if (plan.StatusChanged)
        {
            await WriteStatusAsync(deployment, plan.Status, ct);
        }

        return plan.RequeueAfter;
    }

    private async Task WriteStatusAsync(V1Deployment deployment, V1DeploymentStatus status, CancellationToken ct)
    {
        deployment.Status = status;
        await api.AppsV1.ReplaceNamespacedDeploymentStatusAsync(deployment, deployment.Metadata.Name, deployment.Metadata.NamespaceProperty, cancellationToken: ct);
    }
}
