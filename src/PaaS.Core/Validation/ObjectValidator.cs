using k8s;
using System.Text.Json.Nodes;
using k8s.Models;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;

namespace PaaS.Core.Validation;

/// <summary>Validates an object of any served kind; the entry point admission calls.</summary>
public static class ObjectValidator
{
    private static readonly string[] LimitRangeLists = ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"];

    /// <summary>
    /// Checks the raw JSON for what the typed model cannot report by field (quantities). Run before
    /// deserializing, so a bad quantity is a field error rather than an anonymous parse failure.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateJson(ResourceType type, JsonObject json)
    {
        var errors = new List<FieldError>();
        if (type == ResourceTypes.Pod)
        {
            QuantityValidation.ValidatePodSpec(json["spec"], "spec", errors);
        }
        else if (type == ResourceTypes.Deployment || type == ResourceTypes.ReplicaSet)
        {
            QuantityValidation.ValidatePodSpec(json["spec"]?["template"]?["spec"], "spec.template.spec", errors);
        }
        else if (type == ResourceTypes.Node)
        {
            QuantityValidation.ValidateMap(json["status"]?["capacity"], "status.capacity", errors);
            QuantityValidation.ValidateMap(json["status"]?["allocatable"], "status.allocatable", errors);
        }
        else if (type == ResourceTypes.ResourceQuota)
        {
            QuantityValidation.ValidateResourceList(json["spec"]?["hard"], "spec.hard", QuotaValidation.IsCountResource, errors);
        }
        else if (type == ResourceTypes.Team)
        {
            QuantityValidation.ValidateResourceList(json["spec"]?["quota"]?["hard"], "spec.quota.hard", QuotaValidation.IsCountResource, errors);
        }
        else if (type == ResourceTypes.LimitRange && json["spec"]?["limits"] is JsonArray limits)
        {
            for (var i = 0; i < limits.Count; i++)
            {
                foreach (var list in LimitRangeLists)
                {
                    QuantityValidation.ValidateResourceList(limits[i]?[list], $"spec.limits[{i}].{list}", _ => false, errors);
                }
            }
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> Validate(ResourceType type, IKubernetesObject<V1ObjectMeta> obj)
    {
        var errors = new List<FieldError>();
        MetadataValidation.Validate(type, obj.Metadata, errors);
        switch (obj)
        {
            case V1Pod pod:
                PodSpecValidation.Validate(pod.Spec, "spec", errors);
                break;
            case V1Deployment deployment:
                WorkloadValidation.ValidateDeployment(deployment, errors);
                break;
            case V1ReplicaSet replicaSet:
                WorkloadValidation.ValidateReplicaSet(replicaSet, errors);
                break;
            case V1Service service:
                ServiceValidation.Validate(service, errors);
                break;
            case V1Endpoints endpoints:
                ClusterValidation.ValidateEndpoints(endpoints, errors);
                break;
            case Corev1Event ev:
                ClusterValidation.ValidateEvent(ev, errors);
                break;
            case V1Lease lease:
                ClusterValidation.ValidateLease(lease, errors);
                break;
            case V1ConfigMap configMap:
                ConfigValidation.ValidateConfigMap(configMap, errors);
                break;
            case V1Secret secret:
                ConfigValidation.ValidateSecret(secret, errors);
                break;
            case V1ResourceQuota quota:
                QuotaValidation.ValidateResourceQuota(quota, errors);
                break;
            case V1LimitRange range:
                QuotaValidation.ValidateLimitRange(range, errors);
                break;
            case V1Team team:
                TeamValidation.Validate(team, errors);
                break;
        }

        return errors;
    }
}
