using System.Globalization;
using k8s.Models;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Storage;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Authorization;

/// <summary>
/// Fencing for leader-elected parts. The controller manager and the scheduler send, with every write, the
/// header <c>X-Paas-Fencing: &lt;namespace&gt;/&lt;lease&gt;/&lt;holder&gt;/&lt;transitions&gt;</c> of the Lease they
/// lead by. A write whose Lease has since changed hands (another holder, or more transitions) is refused
/// with 409, so an instance that was paused, lost its lease and resumes cannot write with stale beliefs.
/// </summary>
internal sealed class FencingCheck(ObjectStore store)
{
    public const string Header = "X-Paas-Fencing";

    public async Task CheckAsync(string token, CancellationToken ct)
    {
        var parts = token.Split('/');
        if (parts.Length != 4 || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var transitions))
        {
            throw ApiException.BadRequest($"{Header}: Invalid value: \"{token}\": must be <namespace>/<lease>/<holder>/<transitions>");
        }

        var stored = await store.GetAsync(ResourceTypes.Lease.GroupResource, parts[0], parts[1], ct);
        var lease = stored is null ? null : (V1Lease)ObjectJson.ToModel(ResourceTypes.Lease, stored.Body);
        if (lease?.Spec?.HolderIdentity != parts[2] || (lease.Spec.LeaseTransitions ?? 0) != transitions)
        {
            throw new ApiException(System.Net.HttpStatusCode.Conflict, "Conflict",
                $"fencing token {token} is stale: lease {parts[0]}/{parts[1]} is held by \"{lease?.Spec?.HolderIdentity}\" (transitions {lease?.Spec?.LeaseTransitions ?? 0})");
        }
    }
}
