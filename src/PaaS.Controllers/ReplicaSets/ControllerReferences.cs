using k8s.Models;

namespace PaaS.Controllers.ReplicaSets;

/// <summary>Controller owner references: who manages an object, and the reference a controller puts on what it creates.</summary>
public static class ControllerReferences
{
    /// <summary>The owner reference with <c>controller: true</c>, if any (metav1.GetControllerOf).</summary>
    public static V1OwnerReference? ControllerOf(V1ObjectMeta? metadata) =>
        metadata?.OwnerReferences?.FirstOrDefault(r => r.Controller == true);

    public static bool IsControlledBy(V1ObjectMeta? metadata, string? ownerUid) =>
        ownerUid is not null && ControllerOf(metadata)?.Uid == ownerUid;

    /// <summary>
    /// metav1.NewControllerRef: blockOwnerDeletion so that foreground deletion of the owner waits for its dependents.
    /// </summary>
    public static V1OwnerReference For(string apiVersion, string kind, V1ObjectMeta owner) => new()
    {
        ApiVersion = apiVersion,
        Kind = kind,
        Name = owner.Name,
        Uid = owner.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
