using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Tests;

/// <summary>Small builders for nodes and pods; tests adjust the returned objects for what they exercise.</summary>
internal static class Make
{
    public const string ZoneKey = "topology.kubernetes.io/zone";

    public static V1Node Node(string name, string cpu = "4", string memory = "8Gi", int pods = 110, string? zone = null, string ready = "True")
    {
        var labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name };
        if (zone is not null)
        {
            labels[ZoneKey] = zone;
        }

        return new V1Node
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = labels },
            Spec = new V1NodeSpec(),
            Status = new V1NodeStatus
            {
                Allocatable = new Dictionary<string, ResourceQuantity>
                {
                    ["cpu"] = new(cpu),
                    ["memory"] = new(memory),
                    ["pods"] = new(pods.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                },
                Conditions = [new V1NodeCondition { Type = "Ready", Status = ready }],
            },
        };
    }

    public static V1Pod Pod(string name, string? cpu = null, string? memory = null, string? nodeName = null, string ns = "default",
        IDictionary<string, string>? labels = null)
    {
        var requests = new Dictionary<string, ResourceQuantity>();
        if (cpu is not null)
        {
            requests["cpu"] = new ResourceQuantity(cpu);
        }

        if (memory is not null)
        {
            requests["memory"] = new ResourceQuantity(memory);
        }

        return new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = name + "-uid", Labels = labels },
            Spec = new V1PodSpec
            {
                NodeName = nodeName,
                Containers = [new V1Container { Name = "app", Resources = new V1ResourceRequirements { Requests = requests } }],
            },
            Status = new V1PodStatus { Phase = nodeName is null ? "Pending" : "Running" },
        };
    }

    public static V1Toleration Toleration(string? key, string? effect = null, string? op = null, string? value = null) =>
        new() { Key = key, Effect = effect, OperatorProperty = op, Value = value };

    public static V1Taint Taint(string key, string effect, string? value = null) => new() { Key = key, Effect = effect, Value = value };

    public static NodeInfo Info(V1Node node, params V1Pod[] pods) => new(node, pods.Select(PodInfo.FromPod));

    public static SchedulerSnapshot Snapshot(params NodeInfo[] nodes) => new(nodes);

    /// <summary>A label dictionary from "key=value" pairs.</summary>
    public static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
