using k8s;
using k8s.Models;
using PaaS.ApiServer.Api;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Authorization;

/// <summary>
/// An access rule that depends on the object itself: checked by the read and write flows with the
/// stored object (<c>current</c>, null on create) and the object about to be stored (<c>candidate</c>,
/// null on read and delete). Throws 403 when the rule does not hold.
/// </summary>
internal abstract class ObjectGuard
{
    public static ObjectGuard None { get; } = new NoGuard();

    public abstract void Check(IKubernetesObject<V1ObjectMeta>? current, IKubernetesObject<V1ObjectMeta>? candidate);

    private sealed class NoGuard : ObjectGuard
    {
        public override void Check(IKubernetesObject<V1ObjectMeta>? current, IKubernetesObject<V1ObjectMeta>? candidate)
        {
        }
    }
}

/// <summary>A node agent may only touch pods bound to its own node, and may not move them.</summary>
internal sealed class PodOnNodeGuard(string node, string denial) : ObjectGuard
{
    public override void Check(IKubernetesObject<V1ObjectMeta>? current, IKubernetesObject<V1ObjectMeta>? candidate)
    {
        if (current is not V1Pod { Spec.NodeName: var bound } || bound != node
            || (candidate is V1Pod after && after.Spec?.NodeName != node))
        {
            throw ApiException.Forbidden(denial + $": the pod is not bound to node \"{node}\"");
        }
    }
}

/// <summary>A team owner may change the team's members, nothing else (quota and deletion are for admins).</summary>
internal sealed class MembersOnlyGuard(string denial) : ObjectGuard
{
    public override void Check(IKubernetesObject<V1ObjectMeta>? current, IKubernetesObject<V1ObjectMeta>? candidate)
    {
        if (current is not V1Team before || candidate is not V1Team after)
        {
            throw ApiException.Forbidden(denial);
        }

        var quotaBefore = before.Spec.Quota is null ? "" : k8s.KubernetesJson.Serialize(before.Spec.Quota);
        var quotaAfter = after.Spec.Quota is null ? "" : k8s.KubernetesJson.Serialize(after.Spec.Quota);
        if (quotaBefore != quotaAfter)
        {
            throw ApiException.Forbidden(denial + ": team owners manage members; only admins set the team's quota");
        }
    }
}

/// <summary>A node agent writes only the Node and the Lease named after its node.</summary>
internal sealed class OwnNameGuard(string node, string denial) : ObjectGuard
{
    public override void Check(IKubernetesObject<V1ObjectMeta>? current, IKubernetesObject<V1ObjectMeta>? candidate)
    {
        if ((current ?? candidate)?.Metadata?.Name != node || (candidate is not null && candidate.Metadata?.Name != node))
        {
            throw ApiException.Forbidden(denial + $": a node agent writes only objects named after its node \"{node}\"");
        }
    }
}
