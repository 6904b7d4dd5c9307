using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PaaS.Contracts;
using PaaS.Controllers.Runtime;

namespace PaaS.Controllers.GarbageCollection;

/// <summary>
/// Kubernetes' garbage collector for the owner chains this platform creates (Deployment → ReplicaSet →
/// Pod). Like Kubernetes' it works per object, so its cost follows what changes, not how much a namespace
/// holds (listing a namespace of 10,000 pods on every pod change would stall the API):
/// <list type="bullet">
/// <item><c>gone</c>: an owner was deleted; its dependents whose owners are all gone are deleted (background cascade);</item>
/// <item><c>owner</c>: an object is terminating: with the <c>foregroundDeletion</c> finalizer its dependents are
/// deleted first and the finalizer removed once none is left; with <c>orphan</c> its dependents are released
/// (their owner references to it removed), then the finalizer removed. A dependent's deletion re-checks its owner;</item>
/// <item><c>dependent</c>: a new object whose owners may already be gone (created in a race with the owner's deletion).</item>
/// </list>
/// The relist (every 30 s) lists owners and dependents once and queues whatever of the above a missed message left.
/// </summary>
public sealed class GarbageCollector(IKubernetes api) : IController
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    private static readonly HashSet<string> Kinds = ["Deployment", "ReplicaSet", "Pod"];

    public string Name => "garbage-collector";

    public IEnumerable<string> KeysFor(ResourceChanged change)
    {
        if (!Kinds.Contains(change.Kind) || change.Namespace.Length == 0)
        {
            yield break;
        }

        if (change.ChangeType == "DELETED")
        {
            if (change.Kind != "Pod")
            {
                yield return Key("gone", change.Kind, change.Namespace, change.Name, change.Uid.ToString());
            }

            if (change.OwnerKind is { } ownerKind && change.OwnerName is { } ownerName)
            {
                yield return Key("owner", ownerKind, change.Namespace, ownerName);
            }
        }
        else if (change.Deleting)
        {
            yield return Key("owner", change.Kind, change.Namespace, change.Name);
        }
        else if (change.ChangeType == "ADDED" && change.OwnerKind is not null)
        {
            yield return Key("dependent", change.Kind, change.Namespace, change.Name);
        }
    }

    public async Task<IReadOnlyCollection<string>> ListKeysAsync(CancellationToken ct)
    {
        var deployments = (await api.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: ct)).Items;
        var replicaSets = (await api.AppsV1.ListReplicaSetForAllNamespacesAsync(cancellationToken: ct)).Items;
        var pods = (await api.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct)).Items;
        var live = deployments.Select(d => d.Metadata.Uid).Concat(replicaSets.Select(r => r.Metadata.Uid)).ToHashSet(StringComparer.Ordinal);
        var objects = deployments.Select(d => (Kind: "Deployment", Meta: d.Metadata))
            .Concat(replicaSets.Select(r => (Kind: "ReplicaSet", Meta: r.Metadata)))
            .Concat(pods.Select(p => (Kind: "Pod", Meta: p.Metadata)));
        var keys = new List<string>();
        foreach (var (kind, meta) in objects)
        {
            if (meta.DeletionTimestamp is not null)
            {
                keys.Add(Key("owner", kind, meta.NamespaceProperty, meta.Name));
            }
            else if (meta.OwnerReferences is { Count: > 0 } references && references.All(r => Kinds.Contains(r.Kind) && !live.Contains(r.Uid)))
            {
                keys.Add(Key("dependent", kind, meta.NamespaceProperty, meta.Name));
            }
        }

        return keys;
    }

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        var parts = key.Split('|');
        var (action, kind, ns, name) = (parts[0], parts[1], parts[2], parts[3]);
        switch (action)
        {
            case "gone":
                foreach (var dependent in await DependentsAsync(kind, ns, parts[4], ct))
                {
                    await DeleteIfOrphanedAsync(dependent, ct);
                }

                break;
            case "owner" when await ReadAsync(kind, ns, name, ct) is { Metadata.DeletionTimestamp: not null } owner:
                await FinalizeAsync(owner, ct);
                break;
            case "dependent" when await ReadAsync(kind, ns, name, ct) is { Metadata.DeletionTimestamp: null } dependent:
                await DeleteIfOrphanedAsync(dependent, ct);
                break;
        }

        return null;
    }

    private static string Key(params string[] parts) => string.Join('|', parts);

    /// <summary>Deletes a dependent (background) when none of its owners is still there.</summary>
    private async Task DeleteIfOrphanedAsync(IKubernetesObject<V1ObjectMeta> dependent, CancellationToken ct)
    {
        var references = dependent.Metadata.OwnerReferences ?? [];
        if (references.Count == 0 || dependent.Metadata.DeletionTimestamp is not null)
        {
            return;
        }

        foreach (var reference in references)
        {
            // Owners of kinds this collector does not know are taken to exist: never delete on a guess.
            if (!Kinds.Contains(reference.Kind)
                || await ReadAsync(reference.Kind, dependent.Metadata.NamespaceProperty, reference.Name, ct) is { } owner && owner.Metadata.Uid == reference.Uid)
            {
                return;
            }
        }

        await DeleteAsync(dependent, "Background", ct);
    }

    /// <summary>A terminating object with a garbage-collection finalizer: cascade (foreground) or orphan, then let it go.</summary>
    private async Task FinalizeAsync(IKubernetesObject<V1ObjectMeta> owner, CancellationToken ct)
    {
        var finalizers = owner.Metadata.Finalizers ?? [];
        if (!finalizers.Contains(ForegroundFinalizer) && !finalizers.Contains(OrphanFinalizer))
        {
            return;
        }

        var mine = await DependentsAsync(KindOf(owner), owner.Metadata.NamespaceProperty, owner.Metadata.Uid, ct);
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
        else
        {
            foreach (var dependent in mine)
            {
                await ReleaseAsync(dependent, owner.Metadata.Uid, ct);
            }

            await RemoveFinalizerAsync(owner, OrphanFinalizer, ct);
        }
    }

    /// <summary>
    /// The objects naming <paramref name="ownerUid"/> among their owners: replica sets of a deployment, pods of a
    /// replica set (pods own nothing). Owner references alone decide, not labels, so the namespace's objects of
    /// that kind are listed: only when an owner is deleted, which is rare next to pod changes.
    /// </summary>
    private async Task<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> DependentsAsync(string ownerKind, string ns, string ownerUid, CancellationToken ct)
    {
        IEnumerable<IKubernetesObject<V1ObjectMeta>> candidates = ownerKind switch
        {
            "Deployment" => (await api.AppsV1.ListNamespacedReplicaSetAsync(ns, cancellationToken: ct)).Items,
            "ReplicaSet" => (await api.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: ct)).Items,
            _ => [],
        };
        return candidates.Where(d => (d.Metadata.OwnerReferences ?? []).Any(r => r.Uid == ownerUid)).ToList();
    }

    private async Task<IKubernetesObject<V1ObjectMeta>?> ReadAsync(string kind, string ns, string name, CancellationToken ct)
    {
        try
        {
            return kind switch
            {
                "Deployment" => await api.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: ct),
                "ReplicaSet" => await api.AppsV1.ReadNamespacedReplicaSetAsync(name, ns, cancellationToken: ct),
                "Pod" => await api.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: ct),
                _ => null,
            };
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static string KindOf(IKubernetesObject<V1ObjectMeta> obj) => obj switch
    {
        V1Deployment => "Deployment",
        V1ReplicaSet => "ReplicaSet",
        _ => "Pod",
    };

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
