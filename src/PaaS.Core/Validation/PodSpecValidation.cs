using k8s.Models;
using PaaS.Core.Quantities;

namespace PaaS.Core.Validation;

/// <summary>Pod spec rules shared by Pods and by the pod templates of Deployments and ReplicaSets.</summary>
internal static class PodSpecValidation
{
    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];

    public static void Validate(V1PodSpec? spec, string path, List<FieldError> errors)
    {
        if (spec is null)
        {
            errors.Add(FieldError.Required(path));
            return;
        }

        var volumeNames = ValidateVolumes(spec.Volumes, path + ".volumes", errors);
        var containerNames = new HashSet<string>();
        if (spec.Containers is not { Count: > 0 })
        {
            errors.Add(FieldError.Required(path + ".containers"));
        }
        else
        {
            ValidateContainers(spec.Containers, path + ".containers", containerNames, volumeNames, errors);
        }

        ValidateContainers(spec.InitContainers, path + ".initContainers", containerNames, volumeNames, errors);

        if (spec.RestartPolicy is { } policy && !RestartPolicies.Contains(policy))
        {
            errors.Add(FieldError.NotSupported(path + ".restartPolicy", policy, RestartPolicies));
        }

        if (spec.TerminationGracePeriodSeconds is < 0)
        {
            errors.Add(FieldError.Invalid(path + ".terminationGracePeriodSeconds", spec.TerminationGracePeriodSeconds, "must be greater than or equal to 0"));
        }

        if (spec.ActiveDeadlineSeconds is <= 0)
        {
            errors.Add(FieldError.Invalid(path + ".activeDeadlineSeconds", spec.ActiveDeadlineSeconds, "must be between 1 and 2147483647, inclusive"));
        }

        if (!string.IsNullOrEmpty(spec.NodeName))
        {
            errors.AddRange(Names.ValidateDns1123Subdomain(spec.NodeName).Select(p => FieldError.Invalid(path + ".nodeName", spec.NodeName, p)));
        }

        MetadataValidation.ValidateLabels(spec.NodeSelector, path + ".nodeSelector", errors);
    }

    private static HashSet<string> ValidateVolumes(IList<V1Volume>? volumes, string path, List<FieldError> errors)
    {
        var names = new HashSet<string>();
        for (var i = 0; i < (volumes?.Count ?? 0); i++)
        {
            var name = volumes![i].Name;
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(FieldError.Required($"{path}[{i}].name"));
                continue;
            }

            errors.AddRange(Names.ValidateDns1123Label(name).Select(p => FieldError.Invalid($"{path}[{i}].name", name, p)));
            if (!names.Add(name))
            {
                errors.Add(FieldError.Duplicate($"{path}[{i}].name", name));
            }
        }

        return names;
    }

    private static void ValidateContainers(IList<V1Container>? containers, string path, HashSet<string> names, HashSet<string> volumes, List<FieldError> errors)
    {
        for (var i = 0; i < (containers?.Count ?? 0); i++)
        {
            var container = containers![i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrEmpty(container.Name))
            {
                errors.Add(FieldError.Required(at + ".name"));
            }
            else
            {
                errors.AddRange(Names.ValidateDns1123Label(container.Name).Select(p => FieldError.Invalid(at + ".name", container.Name, p)));
                if (!names.Add(container.Name))
                {
                    errors.Add(FieldError.Duplicate(at + ".name", container.Name));
                }
            }

            if (string.IsNullOrWhiteSpace(container.Image))
            {
                errors.Add(FieldError.Required(at + ".image"));
            }

            if (container.ImagePullPolicy is { } pull && !PullPolicies.Contains(pull))
            {
                errors.Add(FieldError.NotSupported(at + ".imagePullPolicy", pull, PullPolicies));
            }

            ValidatePorts(container.Ports, at + ".ports", errors);
            ValidateEnv(container.Env, at + ".env", errors);
            ValidateResources(container.Resources, at + ".resources", errors);

            var mounts = container.VolumeMounts ?? [];
            for (var m = 0; m < mounts.Count; m++)
            {
                if (string.IsNullOrEmpty(mounts[m].Name))
                {
                    errors.Add(FieldError.Required($"{at}.volumeMounts[{m}].name"));
                }
                else if (!volumes.Contains(mounts[m].Name))
                {
                    errors.Add(new FieldError($"{at}.volumeMounts[{m}].name", FieldErrorType.Invalid, $"\"{mounts[m].Name}\"", "Not found"));
                }

                if (string.IsNullOrEmpty(mounts[m].MountPath))
                {
                    errors.Add(FieldError.Required($"{at}.volumeMounts[{m}].mountPath"));
                }
            }
        }
    }

    private static void ValidatePorts(IList<V1ContainerPort>? ports, string path, List<FieldError> errors)
    {
        var names = new HashSet<string>();
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            var port = ports![i];
            if (port.ContainerPort is < 1 or > 65535)
            {
                errors.Add(FieldError.Invalid($"{path}[{i}].containerPort", port.ContainerPort, "must be between 1 and 65535, inclusive"));
            }

            if (port.HostPort is < 0 or > 65535)
            {
                errors.Add(FieldError.Invalid($"{path}[{i}].hostPort", port.HostPort, "must be between 1 and 65535, inclusive"));
            }

            if (port.Protocol is { } protocol && !Protocols.Contains(protocol))
            {
                errors.Add(FieldError.NotSupported($"{path}[{i}].protocol", protocol, Protocols));
            }

            if (!string.IsNullOrEmpty(port.Name) && !names.Add(port.Name))
            {
                errors.Add(FieldError.Duplicate($"{path}[{i}].name", port.Name));
            }
        }
    }

    private static void ValidateEnv(IList<V1EnvVar>? env, string path, List<FieldError> errors)
    {
        for (var i = 0; i < (env?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(env![i].Name))
            {
                errors.Add(FieldError.Required($"{path}[{i}].name"));
            }
        }
    }

    private static void ValidateResources(V1ResourceRequirements? resources, string path, List<FieldError> errors)
    {
        if (resources?.Requests is null || resources.Limits is null)
        {
            return;
        }

        foreach (var (name, request) in resources.Requests)
        {
            if (resources.Limits.TryGetValue(name, out var limit)
                && Quantity.TryParse(request.ToString(), out var requested, out _)
                && Quantity.TryParse(limit.ToString(), out var limited, out _)
                && requested.Value > limited.Value)
            {
                errors.Add(FieldError.Invalid($"{path}.requests[{name}]", request.ToString(), $"must be less than or equal to {name} limit of {limit}"));
            }
        }
    }
}
