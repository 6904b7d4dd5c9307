using k8s;
using System.Net;
using System.Text.Json.Nodes;
using k8s.Models;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Authorization;
using PaaS.ApiServer.Namespaces;
using PaaS.ApiServer.Storage;
using PaaS.ApiServer.Tenancy;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Objects;

/// <summary>
/// The write flows of the API: create, replace, replace status, delete. Each reads the current object,
/// admits the new one and writes with a compare-and-swap on the version it read; a lost race is a 409
/// when the client named a resourceVersion, and a transparent retry when it did not.
/// </summary>
internal sealed class ObjectService(ObjectStore store, NamespaceFinalizerSignal namespaceSignal, PodAdmission podAdmission, TimeProvider time)
{
    private const int MaxRetries = 8;

    /// <summary>Kubernetes' finalizers for a foreground cascade and for orphaning dependents.</summary>
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    public async Task<StoredRecord> GetAsync(ResourceType type, string ns, string name, CancellationToken ct) =>
        await store.GetAsync(type.GroupResource, ns, name, ct) ?? throw ApiException.NotFound(type.GroupResource, name);

    public async Task<StoredRecord> CreateAsync(ResourceType type, string ns, JsonObject body, ObjectGuard guard, CancellationToken ct)
    {
        var obj = ObjectAdmission.Decode(type, body);
        var meta = obj.Metadata ??= new V1ObjectMeta();
        if (type.Namespaced)
        {
            if (!string.IsNullOrEmpty(meta.NamespaceProperty) && meta.NamespaceProperty != ns)
            {
                throw ApiException.BadRequest($"the namespace of the provided object ({meta.NamespaceProperty}) does not match the namespace sent on the request ({ns})");
            }

            meta.NamespaceProperty = ns;
        }
        else
        {
            meta.NamespaceProperty = null;
        }

        if (string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName))
        {
            meta.Name = meta.GenerateName + RandomSuffix();
        }

        meta.Uid = Guid.NewGuid().ToString();
        meta.CreationTimestamp = Now();
        meta.Generation = 1;
        meta.DeletionTimestamp = null;
        meta.DeletionGracePeriodSeconds = null;
        meta.ManagedFields = null;
        ResetStatusOnCreate(obj);
        ObjectAdmission.DefaultAndValidate(type, obj);
        if (obj is V1Pod pod && await podAdmission.AdmitAsync(pod, ns, ct))
        {
            ObjectAdmission.DefaultAndValidate(type, obj);
        }

        guard.Check(null, obj);

        var result = await store.CreateAsync(ObjectAdmission.ToWrite(type, obj), type.Namespaced ? ns : null, ct);
        return result.Outcome switch
        {
            WriteOutcome.Written => result.Stored!,
            WriteOutcome.NamespaceNotFound => throw ApiException.NotFound("namespaces", ns),
            WriteOutcome.NamespaceTerminating => throw new ApiException(HttpStatusCode.Forbidden, "Forbidden",
                $"{type.GroupResource} \"{meta.Name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated"),
            _ => throw ApiException.AlreadyExists(type.GroupResource, meta.Name),
        };
    }

    public async Task<StoredRecord> ReplaceAsync(ResourceType type, string ns, string name, JsonObject body, ObjectGuard guard, CancellationToken ct)
    {
        var updated = ObjectAdmission.Decode(type, body);
        var requestedVersion = CheckIdentity(type, ns, name, updated.Metadata);
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(type, ns, name, ct);
            var currentObj = ObjectJson.ToModel(type, current.Body);
            CheckPreconditions(type, name, current, currentObj, requestedVersion, updated.Metadata?.Uid);

            // Re-decode per attempt: admission mutates the object (defaults, placeholders).
            var candidate = attempt == 0 ? updated : ObjectAdmission.Decode(type, body);
            var meta = candidate.Metadata ??= new V1ObjectMeta();
            var currentMeta = currentObj.Metadata;
            meta.Name = name;
            meta.NamespaceProperty = currentMeta.NamespaceProperty;
            meta.Uid = currentMeta.Uid;
            meta.CreationTimestamp = currentMeta.CreationTimestamp;
            meta.DeletionTimestamp = currentMeta.DeletionTimestamp;
            meta.DeletionGracePeriodSeconds = currentMeta.DeletionGracePeriodSeconds;
            meta.Generation = currentMeta.Generation;
            meta.ManagedFields = null;
            var candidateJson = type.HasStatus ? WithStatusOf(type, candidate, currentObj) : candidate;
            ObjectAdmission.DefaultAndValidate(type, candidateJson);
            ObjectAdmission.ValidateImmutable(type, currentObj, candidateJson);
            guard.Check(currentObj, candidateJson);
            if (SpecOf(candidateJson) != SpecOf(currentObj))
            {
                candidateJson.Metadata.Generation = (currentMeta.Generation ?? 1) + 1;
            }

            // A terminating object whose last finalizer went is removed, unless it is a pod still within
            // its grace period (its node agent removes it).
            var result = meta.DeletionTimestamp is not null && !HasFinalizers(candidateJson) && (meta.DeletionGracePeriodSeconds ?? 0) == 0
                ? await store.DeleteAsync(ObjectAdmission.ToWrite(type, candidateJson), current.ResourceVersion, ct)
                : await store.UpdateAsync(ObjectAdmission.ToWrite(type, candidateJson), current.ResourceVersion, ct);
            if (result.Outcome == WriteOutcome.Written)
            {
                return result.Stored!;
            }

            if (requestedVersion is not null || attempt >= MaxRetries)
            {
                throw ApiException.Conflict(type.GroupResource, name);
            }
        }
    }

    /// <summary>The <c>/status</c> subresource: only status changes; everything else is kept as stored.</summary>
    public async Task<StoredRecord> ReplaceStatusAsync(ResourceType type, string ns, string name, JsonObject body, ObjectGuard guard, CancellationToken ct)
    {
        var updated = ObjectAdmission.Decode(type, body);
        var requestedVersion = CheckIdentity(type, ns, name, updated.Metadata);
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(type, ns, name, ct);
            var currentObj = ObjectJson.ToModel(type, current.Body);
            CheckPreconditions(type, name, current, currentObj, requestedVersion, updated.Metadata?.Uid);
            var candidate = WithStatusOf(type, currentObj, updated);
            ObjectAdmission.DefaultAndValidate(type, candidate);
            guard.Check(currentObj, candidate);
            var result = await store.UpdateAsync(ObjectAdmission.ToWrite(type, candidate), current.ResourceVersion, ct);
            if (result.Outcome == WriteOutcome.Written)
            {
                return result.Stored!;
            }

            if (requestedVersion is not null || attempt >= MaxRetries)
            {
                throw ApiException.Conflict(type.GroupResource, name);
            }
        }
    }

    /// <summary>
    /// Deletes at once, or — for a pod bound to a node, or an object with finalizers — marks it with a
    /// deletionTimestamp and leaves the final removal to whoever owns that step (the node agent, the
    /// finalizer's controller, the namespace finalizer).
    /// </summary>
    public async Task<StoredRecord> DeleteAsync(ResourceType type, string ns, string name, DeleteRequest request, ObjectGuard guard, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(type, ns, name, ct);
            var obj = ObjectJson.ToModel(type, current.Body);
            CheckPreconditions(type, name, current, obj, request.PreconditionResourceVersion, request.PreconditionUid);
            guard.Check(obj, null);
            var meta = obj.Metadata;
            if (request.PropagationPolicy is "Foreground" or "Orphan" && meta.DeletionTimestamp is null)
            {
                // Kept, terminating, until the garbage collector has dealt with the dependents.
                meta.Finalizers ??= [];
                var finalizer = request.PropagationPolicy == "Foreground" ? ForegroundFinalizer : OrphanFinalizer;
                if (!meta.Finalizers.Contains(finalizer))
                {
                    meta.Finalizers.Add(finalizer);
                }
            }

            var graceful = obj is V1Pod pod && !string.IsNullOrEmpty(pod.Spec?.NodeName) && request.GracePeriodSeconds != 0;
            WriteResult result;
            if (!graceful && !HasFinalizers(obj))
            {
                result = await store.DeleteAsync(ObjectAdmission.ToWrite(type, obj), current.ResourceVersion, ct);
            }
            else if (meta.DeletionTimestamp is not null)
            {
                return current; // Already terminating: deleting again changes nothing.
            }
            else
            {
                // Only a pod running on a node has containers to stop; anything else waits just for its finalizers.
                var grace = graceful && obj is V1Pod p ? request.GracePeriodSeconds ?? p.Spec?.TerminationGracePeriodSeconds ?? 30 : 0;
                meta.DeletionTimestamp = Now().AddSeconds(grace);
                meta.DeletionGracePeriodSeconds = grace;
                if (obj is V1Namespace nsObj)
                {
                    nsObj.Status ??= new V1NamespaceStatus();
                    nsObj.Status.Phase = "Terminating";
                }

                result = await store.UpdateAsync(ObjectAdmission.ToWrite(type, obj), current.ResourceVersion, ct);
                if (obj is V1Namespace && result.Outcome == WriteOutcome.Written)
                {
                    namespaceSignal.Notify();
                }
            }

            if (result.Outcome == WriteOutcome.Written)
            {
                return result.Stored!;
            }

            if (request.PreconditionResourceVersion is not null || attempt >= MaxRetries)
            {
                throw ApiException.Conflict(type.GroupResource, name);
            }
        }
    }

    /// <summary>
    /// <c>pods/{name}/binding</c>: the scheduler's decision (not named BindAsync: minimal APIs would take the
    /// service for a parameter binder). Sets <c>spec.nodeName</c> once (a pod already
    /// bound answers 409, as in Kubernetes) and the <c>PodScheduled</c> condition.
    /// </summary>
    public async Task<StoredRecord> BindPodAsync(string ns, string name, string node, ObjectGuard guard, CancellationToken ct)
    {
        var type = ResourceTypes.Pod;
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(type, ns, name, ct);
            var pod = (V1Pod)ObjectJson.ToModel(type, current.Body);
            guard.Check(pod, null);
            if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
            {
                throw ApiException.Conflict(type.GroupResource, name, $"pod {name} is already assigned to node \"{pod.Spec.NodeName}\"");
            }

            if (pod.Metadata.DeletionTimestamp is not null)
            {
                throw ApiException.Conflict(type.GroupResource, name, $"pod {name} is being deleted, cannot be assigned to a host");
            }

            pod.Spec!.NodeName = node;
            pod.Status ??= new V1PodStatus();
            pod.Status.Conditions = (pod.Status.Conditions ?? []).Where(c => c.Type != "PodScheduled")
                .Append(new V1PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = Now() }).ToList();
            ObjectAdmission.DefaultAndValidate(type, pod);
            var result = await store.UpdateAsync(ObjectAdmission.ToWrite(type, pod), current.ResourceVersion, ct);
            if (result.Outcome == WriteOutcome.Written)
            {
                return result.Stored!;
            }

            if (attempt >= MaxRetries)
            {
                throw ApiException.Conflict(type.GroupResource, name);
            }
        }
    }

    /// <summary>Whether a pod bound to <paramref name="node"/> in <paramref name="ns"/> uses the secret or config map (a node agent may read only those).</summary>
    public async Task<bool> IsUsedByPodsOfNodeAsync(ResourceType type, string ns, string name, string node, CancellationToken ct)
    {
        var (_, pods) = await store.ListAsync(ResourceTypes.Pod.GroupResource, ns, ObjectFilter.Parse(ResourceTypes.Pod, null, "spec.nodeName=" + node), ct);
        return pods.Any(body => PodReferences.Uses((V1Pod)ObjectJson.ToModel(ResourceTypes.Pod, body), type, name));
    }

    /// <summary>Called by the namespace finalizer once the namespace is empty: drops its <c>kubernetes</c> finalizer.</summary>
    public async Task FinishNamespaceAsync(string name, CancellationToken ct)
    {
        var type = ResourceTypes.Namespace;
        for (var attempt = 0; attempt <= MaxRetries; attempt++)
        {
            var current = await store.GetAsync(type.GroupResource, "", name, ct);
            if (current is null)
            {
                return;
            }

            var ns = (V1Namespace)ObjectJson.ToModel(type, current.Body);
            ns.Spec?.Finalizers?.Remove("kubernetes");
            var write = ObjectAdmission.ToWrite(type, ns);
            var result = HasFinalizers(ns)
                ? await store.UpdateAsync(write, current.ResourceVersion, ct)
                : await store.DeleteAsync(write, current.ResourceVersion, ct);
            if (result.Outcome == WriteOutcome.Written)
            {
                return;
            }
        }
    }

    private static bool HasFinalizers(IKubernetesObject<V1ObjectMeta> obj) =>
        obj.Metadata.Finalizers is { Count: > 0 } || obj is V1Namespace { Spec.Finalizers.Count: > 0 };

    /// <summary>Name and namespace in the body must agree with the URL; returns the resourceVersion the client asked for, if any.</summary>
    private static long? CheckIdentity(ResourceType type, string ns, string name, V1ObjectMeta? meta)
    {
        if (meta?.Name is { Length: > 0 } bodyName && bodyName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        if (type.Namespaced && meta?.NamespaceProperty is { Length: > 0 } bodyNs && bodyNs != ns)
        {
            throw ApiException.BadRequest($"the namespace of the provided object ({bodyNs}) does not match the namespace sent on the request ({ns})");
        }

        if (string.IsNullOrEmpty(meta?.ResourceVersion))
        {
            return null;
        }

        return long.TryParse(meta.ResourceVersion, out var version)
            ? version
            : throw ApiException.BadRequest($"metadata.resourceVersion: Invalid value: \"{meta.ResourceVersion}\": must be a resourceVersion this server issued");
    }

    private static void CheckPreconditions(ResourceType type, string name, StoredRecord current, IKubernetesObject<V1ObjectMeta> currentObj, long? version, string? uid)
    {
        if (version is not null && version != current.ResourceVersion)
        {
            throw ApiException.Conflict(type.GroupResource, name);
        }

        if (!string.IsNullOrEmpty(uid) && uid != currentObj.Metadata.Uid)
        {
            throw ApiException.Conflict(type.GroupResource, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {currentObj.Metadata.Uid}");
        }
    }

    /// <summary>
    /// <paramref name="target"/> with the status of <paramref name="source"/>. A pod's status write also carries its
    /// annotations, as Kubernetes' <c>pods/status</c> does: the node agent reports the ports it published for the
    /// pod there (<c>paas.dev/published-ports</c>), which pod status has no field for.
    /// </summary>
    private static IKubernetesObject<V1ObjectMeta> WithStatusOf(ResourceType type, IKubernetesObject<V1ObjectMeta> target, IKubernetesObject<V1ObjectMeta> source)
    {
        var json = ObjectJson.ToJson(target);
        json.Remove("status");
        var sourceJson = ObjectJson.ToJson(source);
        if (sourceJson["status"] is { } status)
        {
            json["status"] = status.DeepClone();
        }

        if (type == ResourceTypes.Pod && json["metadata"] is JsonObject metadata)
        {
            metadata.Remove("annotations");
            if (sourceJson["metadata"]?["annotations"] is { } annotations)
            {
                metadata["annotations"] = annotations.DeepClone();
            }
        }

        return ObjectJson.ToModel(type, json);
    }

    /// <summary>Everything but metadata and status: a change here bumps metadata.generation.</summary>
    private static string SpecOf(IKubernetesObject<V1ObjectMeta> obj)
    {
        var json = ObjectJson.ToJson(obj);
        json.Remove("metadata");
        json.Remove("status");
        return json.ToJsonString();
    }

    private static void ResetStatusOnCreate(IKubernetesObject<V1ObjectMeta> obj)
    {
        switch (obj)
        {
            case V1Namespace ns:
                ns.Status = new V1NamespaceStatus { Phase = "Active" };
                break;
            case V1Pod pod:
                pod.Status = new V1PodStatus { Phase = "Pending" };
                break;
            case V1Deployment deployment:
                deployment.Status = null;
                break;
            case V1ReplicaSet replicaSet:
                replicaSet.Status = null;
                break;
            case V1Service service:
                service.Status = null;
                break;

                // Nodes keep the status they register with, as in Kubernetes; the other kinds have none.
        }
    }

    private DateTime Now()
    {
        // Kubernetes timestamps have one-second precision.
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static string RandomSuffix()
    {
        // Kubernetes' alphabet for generated names: no vowels (no accidental words), no look-alikes.
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(5, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[System.Security.Cryptography.RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }
}
