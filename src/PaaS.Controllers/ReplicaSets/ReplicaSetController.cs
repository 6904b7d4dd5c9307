using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PaaS.Contracts;
using PaaS.Controllers.Runtime;
using PaaS.Core.Labels;

namespace PaaS.Controllers.ReplicaSets;

/// <summary>
/// Keeps each ReplicaSet's pods at its replica count: reads the ReplicaSet and the pods its selector
/// matches, asks <see cref="ReplicaSetPlanner"/> what to do, and does it through the API — adopting and
/// releasing pods, creating in slow-start batches, deleting the lowest-ranked pods, writing status.
/// <see cref="Expectations"/> stop it from creating again while its own creates are still in flight; they
/// are lowered as the pods' ADDED and DELETED events arrive. A create refused (e.g. by a quota) becomes a
/// ReplicaFailure condition and a Warning event, and is retried with back-off until it succeeds.
/// </summary>
public sealed class ReplicaSetController(IKubernetes api, TimeProvider time) : IController
{
    private readonly Expectations _expectations = new();

    /// <summary>ReplicaSets whose creates were refused (by a quota): tried again as soon as usage may have dropped.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _failing = new(StringComparer.Ordinal);
    private readonly EventRecorder _events = new(api, time, "replicaset-controller");

    public string Name => "replicaset";

    public IEnumerable<string> KeysFor(ResourceChanged change)
    {
        // A quota raised, a team's quota changed, or a pod gone in the namespace: room may have appeared.
        var roomMayHaveAppeared = change.Kind is "ResourceQuota" or "Team" || (change.Kind == "Pod" && change.ChangeType == "DELETED");
        var retries = roomMayHaveAppeared
            ? _failing.Where(f => change.Kind == "Team" || f.Value == change.Namespace).Select(f => f.Key).ToList()
            : [];
        return retries.Concat(OwnKeysFor(change));
    }

    private IEnumerable<string> OwnKeysFor(ResourceChanged change)
    {
        if (change.Kind == "ReplicaSet")
        {
            return [$"{change.Namespace}/{change.Name}"];
        }

        if (change.Kind != "Pod" || change.OwnerKind != "ReplicaSet" || change.OwnerName is null)
        {
            return [];
        }

        var key = $"{change.Namespace}/{change.OwnerName}";
        if (change.ChangeType == "ADDED")
        {
            _expectations.CreationObserved(key);
        }
        else if (change.ChangeType == "DELETED")
        {
            _expectations.DeletionObserved(key, change.Name);
        }

        return [key];
    }

    public async Task<IReadOnlyCollection<string>> ListKeysAsync(CancellationToken ct) =>
        (await api.AppsV1.ListReplicaSetForAllNamespacesAsync(cancellationToken: ct)).Items
            .Select(Expectations.KeyOf).ToList();

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        var (ns, name) = Split(key);
        V1ReplicaSet replicaSet;
        try
        {
            replicaSet = await api.AppsV1.ReadNamespacedReplicaSetAsync(name, ns, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            _expectations.Forget(key);
            return null;
        }

        var selector = LabelSelector.FromModel(replicaSet.Spec.Selector).ToString();
        var pods = (await api.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: ct)).Items;
        var now = time.GetUtcNow().UtcDateTime;
        var plan = ReplicaSetPlanner.Plan(new ReplicaSetObservation(replicaSet, pods.ToList(), _expectations.Satisfied(key, now), now));

        foreach (var pod in plan.PodsToAdopt)
        {
            await SetOwnersAsync(pod, [.. pod.Metadata.OwnerReferences ?? [], ControllerReferences.For(ReplicaSetPlanner.ApiVersion, ReplicaSetPlanner.Kind, replicaSet.Metadata)], ct);
        }

        foreach (var pod in plan.PodsToRelease)
        {
            await SetOwnersAsync(pod, (pod.Metadata.OwnerReferences ?? []).Where(r => r.Uid != replicaSet.Metadata.Uid).ToList(), ct);
        }

        string? failure = null;
        if (plan.PodsToCreate > 0 && plan.PodToCreate is { } template)
        {
            _expectations.ExpectCreations(key, plan.PodsToCreate, now);
            var result = await SlowStartBatch.RunAsync(plan.PodsToCreate,
                token => api.CoreV1.CreateNamespacedPodAsync(ModelCopy.DeepCopy(template), ns, cancellationToken: token), ct);
            _expectations.CreationObserved(key, result.NotCreated);
            if (result.Errors.Count > 0)
            {
                failure = ApiErrors.Message(result.Errors[0]);
                await _events.RecordAsync(WithKind(replicaSet), "Warning", "FailedCreate", $"Error creating: {failure}", ct);
            }
        }

        if (plan.PodsToDelete.Count > 0)
        {
            _expectations.ExpectDeletions(key, plan.PodsToDelete.Select(p => p.Metadata.Name), now);
            foreach (var pod in plan.PodsToDelete)
            {
                try
                {
                    await api.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, ns, cancellationToken: ct);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
                {
                    _expectations.DeletionObserved(key, pod.Metadata.Name);
                }
            }
        }

        var status = failure is null ? plan.Status : plan.StatusAfterFailure(failure, now);
        if (KubernetesJson.Serialize(status) != KubernetesJson.Serialize(replicaSet.Status ?? new V1ReplicaSetStatus()))
        {
            replicaSet.Status = status;
            await api.AppsV1.ReplaceNamespacedReplicaSetStatusAsync(replicaSet, name, ns, cancellationToken: ct);
        }

        // A failed create is retried with the queue's back-off, and at once when room may have appeared.
        if (failure is not null)
        {
            _failing[key] = ns;
            throw new ReplicaCreateFailedException(failure);
        }

        _failing.TryRemove(key, out _);
        return plan.RequeueAfter;
    }

    private Task<V1Pod> SetOwnersAsync(V1Pod pod, IList<V1OwnerReference> owners, CancellationToken ct)
    {
        var patch = new V1Patch(new[]
        {
            new { op = "test", path = "/metadata/resourceVersion", value = (object)pod.Metadata.ResourceVersion },
            new { op = "add", path = "/metadata/ownerReferences", value = (object)owners },
        }, V1Patch.PatchType.JsonPatch);
        return api.CoreV1.PatchNamespacedPodAsync(patch, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct);
    }

    private static V1ReplicaSet WithKind(V1ReplicaSet replicaSet)
    {
        replicaSet.ApiVersion ??= ReplicaSetPlanner.ApiVersion;
        replicaSet.Kind ??= ReplicaSetPlanner.Kind;
        return replicaSet;
    }

    private static (string Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}

/// <summary>Some of a ReplicaSet's pods could not be created; the key is retried with back-off.</summary>
public sealed class ReplicaCreateFailedException(string message) : Exception(message);
