using k8s.Models;
using PaaS.Core.Gateway;

namespace PaaS.Core.Validation;

internal static class ServiceValidation
{
    private static readonly string[] Types = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];
    private static readonly string[] Affinities = ["None", "ClientIP"];

    public static void Validate(V1Service service, List<FieldError> errors)
    {
        ValidateGovernance(service, errors);
        var spec = service.Spec;
        if (spec is null)
        {
            errors.Add(FieldError.Required("spec"));
            return;
        }

        var type = spec.Type ?? "ClusterIP";
        if (!Types.Contains(type))
        {
            errors.Add(FieldError.NotSupported("spec.type", type, Types));
        }

        if (spec.SessionAffinity is { } affinity && !Affinities.Contains(affinity))
        {
            errors.Add(FieldError.NotSupported("spec.sessionAffinity", affinity, Affinities));
        }

        if (type == "ExternalName")
        {
            if (string.IsNullOrEmpty(spec.ExternalName))
            {
                errors.Add(FieldError.Required("spec.externalName"));
            }

            return;
        }

        var headless = spec.ClusterIP == "None";
        var ports = spec.Ports ?? [];
        if (ports.Count == 0 && !headless)
        {
            errors.Add(FieldError.Required("spec.ports"));
        }

        var names = new HashSet<string>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var at = $"spec.ports[{i}]";
            if (ports.Count > 1 && string.IsNullOrEmpty(port.Name))
            {
                errors.Add(FieldError.Required(at + ".name"));
            }
            else if (!string.IsNullOrEmpty(port.Name))
            {
                errors.AddRange(Names.ValidateDns1123Label(port.Name).Select(p => FieldError.Invalid(at + ".name", port.Name, p)));
                if (!names.Add(port.Name))
                {
                    errors.Add(FieldError.Duplicate(at + ".name", port.Name));
                }
            }

            if (port.Port is < 1 or > 65535)
            {
                errors.Add(FieldError.Invalid(at + ".port", port.Port, "must be between 1 and 65535, inclusive"));
            }

            if (port.Protocol is { } protocol && !Protocols.Contains(protocol))
            {
                errors.Add(FieldError.NotSupported(at + ".protocol", protocol, Protocols));
            }

            ValidateTargetPort(port.TargetPort, at + ".targetPort", errors);
            if (port.NodePort is { } nodePort && nodePort != 0)
            {
                if (type is not ("NodePort" or "LoadBalancer"))
                {
                    errors.Add(FieldError.Forbidden(at + ".nodePort", "may not be used when `type` is 'ClusterIP'"));
                }
                else if (nodePort is < 1 or > 65535)
                {
                    errors.Add(FieldError.Invalid(at + ".nodePort", nodePort, "must be between 1 and 65535, inclusive"));
                }
            }
        }

        MetadataValidation.ValidateLabels(spec.Selector, "spec.selector", errors);
    }

    /// <summary>The gateway's <c>gateway.paas.dev/*</c> annotations must parse: a typo must not silently do nothing.</summary>
    private static void ValidateGovernance(V1Service service, List<FieldError> errors)
    {
        var parsed = ServiceGovernance.Parse(service.Metadata?.Annotations);
        errors.AddRange(parsed.Errors);
        if (parsed.Governance?.Canary is { } canary && canary.Service == service.Metadata?.Name)
        {
            errors.Add(FieldError.Invalid($"metadata.annotations[{ServiceGovernance.CanaryKey}]", $"{canary.Service}={canary.Percent}",
                "the canary must be another service"));
        }
    }

    private static void ValidateTargetPort(IntOrString? target, string path, List<FieldError> errors)
    {
        if (target?.Value is not { Length: > 0 } value)
        {
            return;
        }

        if (int.TryParse(value, out var number))
        {
            if (number is < 1 or > 65535)
            {
                errors.Add(FieldError.Invalid(path, number, "must be between 1 and 65535, inclusive"));
            }
        }
        else if (value.Length > 15 || !value.Any(char.IsLetter) || Names.ValidateDns1123Label(value).Count > 0)
        {
            // A named port is an IANA service name: at most 15 lower-case characters with at least one letter.
            errors.Add(FieldError.Invalid(path, value, "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), at most 15 characters, and at least one letter"));
        }
    }
}
