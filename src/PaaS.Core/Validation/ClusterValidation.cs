using k8s.Models;

namespace PaaS.Core.Validation;

/// <summary>The small kinds: endpoints, events, leases. Nodes and namespaces need only metadata rules.</summary>
internal static class ClusterValidation
{
    public static void ValidateEndpoints(V1Endpoints endpoints, List<FieldError> errors)
    {
        var subsets = endpoints.Subsets ?? [];
        for (var s = 0; s < subsets.Count; s++)
        {
            var ports = subsets[s].Ports ?? [];
            for (var p = 0; p < ports.Count; p++)
            {
                if (ports[p].Port is < 1 or > 65535)
                {
                    errors.Add(FieldError.Invalid($"subsets[{s}].ports[{p}].port", ports[p].Port, "must be between 1 and 65535, inclusive"));
                }
            }

            var addresses = (subsets[s].Addresses ?? []).Concat(subsets[s].NotReadyAddresses ?? []).ToList();
            for (var a = 0; a < addresses.Count; a++)
            {
                if (!System.Net.IPAddress.TryParse(addresses[a].Ip ?? "", out _))
                {
                    errors.Add(FieldError.Invalid($"subsets[{s}].addresses[{a}].ip", addresses[a].Ip ?? "", "must be a valid IP address"));
                }
            }
        }
    }

    public static void ValidateEvent(Corev1Event ev, List<FieldError> errors)
    {
        if (ev.InvolvedObject is null)
        {
            errors.Add(FieldError.Required("involvedObject"));
        }
        else if (!string.IsNullOrEmpty(ev.InvolvedObject.NamespaceProperty) && ev.InvolvedObject.NamespaceProperty != ev.Metadata?.NamespaceProperty)
        {
            errors.Add(FieldError.Invalid("involvedObject.namespace", ev.InvolvedObject.NamespaceProperty, "does not match event.namespace"));
        }

        if (ev.Type is { } type && type is not ("Normal" or "Warning"))
        {
            errors.Add(FieldError.NotSupported("type", type, ["Normal", "Warning"]));
        }
    }

    public static void ValidateLease(V1Lease lease, List<FieldError> errors)
    {
        if (lease.Spec?.LeaseDurationSeconds is <= 0)
        {
            errors.Add(FieldError.Invalid("spec.leaseDurationSeconds", lease.Spec.LeaseDurationSeconds, "must be greater than 0"));
        }

        if (lease.Spec?.LeaseTransitions is < 0)
        {
            errors.Add(FieldError.Invalid("spec.leaseTransitions", lease.Spec.LeaseTransitions, "must be greater than or equal to 0"));
        }
    }
}
