using System.Text.Json;
using k8s.Models;
using PaaS.Controllers.Deployments;
using PaaS.Core.Resources;

namespace PaaS.Controllers.Tests;

/// <summary>Builders for the objects the planners read, shaped as the API server stores them (defaulted).</summary>
internal static class Objects
{
    public static readonly DateTime T0 = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    public static T Copy<T>(T model)
        where T : class => JsonSerializer.Deserialize<T>(ObjectJson.Serialize(model), ObjectJson.Options)!;

    public static V1Deployment Deployment(int replicas = 3, string image = "web:1", string maxSurge = "25%", string maxUnavailable = "25%", string strategy = "RollingUpdate") => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "team-a", Uid = "deploy-uid", Generation = 1, CreationTimestamp = T0 },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            RevisionHistoryLimit = 10,
            ProgressDeadlineSeconds = 600,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
            Strategy = strategy == RolloutMath.Recreate
                ? new V1DeploymentStrategy { Type = strategy }
                : new V1DeploymentStrategy { Type = strategy, RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = maxSurge, MaxUnavailable = maxUnavailable } },
            Template = Template(image),
        },
    };

    public static V1PodTemplateSpec Template(string image) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }], RestartPolicy = "Always" },
    };

    public static V1ReplicaSet ReplicaSet(string name, int replicas, DateTime? created = null, string uid = "", string ownerUid = "deploy-uid") => new()
    {
        ApiVersion = "apps/v1",
        Kind = "ReplicaSet",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "team-a",
            Uid = uid.Length > 0 ? uid : name + "-uid",
            Generation = 1,
            CreationTimestamp = created ?? T0,
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web", Uid = ownerUid, Controller = true }],
            Annotations = new Dictionary<string, string>(),
        },
        Spec = new V1ReplicaSetSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = name }] },
            },
        },
        Status = new V1ReplicaSetStatus { Replicas = 0, ObservedGeneration = 1 },
    };

    /// <summary>A pod controlled by <paramref name="ownerUid"/>; ready pods turned ready at <paramref name="readySince"/>.</summary>
    public static V1Pod Pod(string name, string ownerUid, bool ready = true, string phase = "Running", DateTime? readySince = null,
        string node = "node-1", DateTime? created = null, Dictionary<string, string>? labels = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "team-a",
            Uid = name + "-uid",
            CreationTimestamp = created ?? T0,
            Labels = labels ?? new Dictionary<string, string> { ["app"] = "web" },
            OwnerReferences = ownerUid.Length == 0 ? null : [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "owner", Uid = ownerUid, Controller = true }],
        },
        Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = "web", Image = "web" }] },
        Status = new V1PodStatus
        {
            Phase = phase,
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False", LastTransitionTime = readySince ?? T0 }],
        },
    };
}
