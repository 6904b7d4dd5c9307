using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PaaS.Contracts;
using PaaS.Controllers.Runtime;

namespace PaaS.Controllers.GarbageCollection;

/// <summary>
/// Kubernetes' garbage collector for the owner chains this platform creates (Deployment → ReplicaSet →
/// Pod). A namespace is the unit of work: every change to an owner or dependent in it queues the
/// namespace, and a reconcile lists owners and dependents there and acts on what it finds:
/// <list type="bullet">
/// <item>a dependent whose owners are all gone is deleted (background cascade: the owner went at once);</item>
/// <item>an owner terminating with the <c>foregroundDeletion</c> finalizer gets its dependents deleted,
/// and loses the finalizer (so the API removes it) once none is left;</item>
/// <item>an owner terminating with the <c>orphan</c> finalizer has its dependents released (their owner
/// references to it removed), then loses the finalizer.</item>
/// </list>
/// </summary>
public sealed class GarbageCollector(IKubernetes api) : IController
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    private static readonly HashSet<string> Kinds = ["Deployment", "ReplicaSet", "Pod"];

    public string Name => "garbage-collector";

    public IEnumerable<string> KeysFor(ResourceChanged change) =>
        Kinds.Contains(change.Kind) && change.Namespace.Length > 0 ? [change.Namespace] : [];

    public async Task<IReadOnlyCollection<string>> ListKeysAsync(CancellationToken ct)
    {
        var namespaces = await api.CoreV1.ListNamespaceAsync(cancellationToken: ct);
        return namespaces.Items.Select(n => n.Metadata.Name).ToList();
    }

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        var deployments = (await api.AppsV1.ListNamespacedDeploymentAsync(key, cancellationToken: ct)).Items;
        var replicaSets = (await api.AppsV1.ListNamespacedReplicaSetAsync(key, cancellationToken: ct)).Items;
        var pods = (await api.CoreV1.ListNamespacedPodAsync(key, cancellationToken: ct)).Items;
        var owners = deployments.Select(d => (IKubernetesObject<V1ObjectMeta>)d).Concat(replicaSets).ToList();
        var live = owners.ToDictionary(o => o.Metadata.Uid);
        var dependents = replicaSets.Select(r => (IKubernetesObject<V1ObjectMeta>)r).Concat(pods).ToList();

        foreach (var dependent in dependents)
        {
            var references = dependent.Metadata.OwnerReferences ?? [];
            if (references.Count > 0 && references.All(r => !live.ContainsKey(r.Uid)) && dependent.Metadata.DeletionTimestamp is null)
            {
                await DeleteAsync(dependent, "Background", ct);
            }
        }

        // Any object can be the owner being deleted in the foreground or orphaning: pods too, when a
        // foreground cascade reached them (they have no dependents, so they just lose the finalizer).
        foreach (var owner in owners.Concat(pods).Where(o => o.Metadata.DeletionTimestamp is not null))
        {
            var finalizers = owner.Metadata.Finalizers ?? [];
            var mine = dependents.Where(d => (d.Metadata.OwnerReferences ?? []).Any(r => r.Uid == owner.Metadata.Uid)).ToList();
            if (finalizers.Contains(ForegroundFinalizer))
            {
                foreach (var dependent in mine.Where(d => d.Metadata.DeletionTimestamp is null))
                {
                    await DeleteAsync(dependent, "Foreground", ct);
                }

                if (mine.Count == 0)
                {
                    await RemoveFinalizerAsync(owner, ForegroundFinalizer, ct);
                }
            }
            else if (finalizers.Contains(OrphanFinalizer))
            {
                foreach (var dependent in mine)
                {
                    await ReleaseAsync(dependent, owner.Metadata.Uid, ct);
                }

                await RemoveFinalizerAsync(owner, OrphanFinalizer, ct);
            }
        }

        return null;
    }

    private async Task DeleteAsync(IKubernetesObject<V1ObjectMeta> obj, string propagation, CancellationToken ct)
    {
        var options = new V1DeleteOptions { PropagationPolicy = propagation, Preconditions = new V1Preconditions { Uid = obj.Metadata.Uid } };
        await IgnoreGoneAsync(obj switch
        {
            V1ReplicaSet rs => api.AppsV1.DeleteNamespacedReplicaSetAsync(rs.Metadata.Name, rs.Metadata.NamespaceProperty, options, cancellationToken: ct),
            V1Pod pod => api.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, options, cancellationToken: ct),
            _ => throw new InvalidOperationException($"no dependents of kind {obj.Kind} are collected"),
        });
    }

    /// <summary>Removes the owner reference, keeping the dependent (JSON patch with a test on the list, so a concurrent change fails and is retried).</summary>
    private async Task ReleaseAsync(IKubernetesObject<V1ObjectMeta> dependent, string ownerUid, CancellationToken ct)
    {
        var references = dependent.Metadata.OwnerReferences!;
        var remaining = references.Where(r => r.Uid != ownerUid).ToList();
        var patch = new V1Patch(new[]
        {
            new { op = "test", path = "/metadata/resourceVersion", value = (object)dependent.Metadata.ResourceVersion },
            new { op = "replace", path = "/metadata/ownerReferences", value = (object)remaining },
        }, V1Patch.PatchType.JsonPatch);
        await IgnoreGoneAsync(dependent switch
        {
            V1ReplicaSet rs => api.AppsV1.PatchNamespacedReplicaSetAsync(patch, rs.Metadata.Name, rs.Metadata.NamespaceProperty, cancellationToken: ct),
            V1Pod pod => api.CoreV1.PatchNamespacedPodAsync(patch, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct),
            _ => throw new InvalidOperationException($"no dependents of kind {dependent.Kind} are collected"),
        });
    }

    private async Task RemoveFinalizerAsync(IKubernetesObject<V1ObjectMeta> owner, string finalizer, CancellationToken ct)
    {
        var patch = new V1Patch(new[]
        {
            new { op = "test", path = "/metadata/resourceVersion", value = (object)owner.Metadata.ResourceVersion },
            new { op = "replace", path = "/metadata/finalizers", value = (object)owner.Metadata.Finalizers!.Where(f => f != finalizer).ToList() },
        }, V1Patch.PatchType.JsonPatch);
        await IgnoreGoneAsync(owner switch
        {
            V1Deployment d => api.AppsV1.PatchNamespacedDeploymentAsync(patch, d.Metadata.Name, d.Metadata.NamespaceProperty, cancellationToken: ct),
            V1ReplicaSet rs => api.AppsV1.PatchNamespacedReplicaSetAsync(patch, rs.Metadata.Name, rs.Metadata.NamespaceProperty, cancellationToken: ct),
            V1Pod pod => api.CoreV1.PatchNamespacedPodAsync(patch, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct),
            _ => throw new InvalidOperationException($"no owners of kind {owner.Kind} are collected"),
        });
    }

    private static async Task IgnoreGoneAsync(Task call)
    {
        try
        {
            await call;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: nothing left to do for it.
        }
    }
}
