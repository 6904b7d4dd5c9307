#:project ../../src/PaaS.Scheduler/PaaS.Scheduler.csproj
#:property TreatWarningsAsErrors=false
// Scheduler ceiling (issue 5, benchmark (a)): decisions per second of the scheduling framework alone,
// binding stubbed (a decision is assumed into the cache at once), on 1,000 simulated nodes in 3 zones,
// for 10,000 pods scheduled one after another — kube-scheduler's scheduler_perf without the API.
// Run: dotnet run infra/bench/scheduler-ceiling.cs [nodes=1000] [pods=10000]
using System.Diagnostics;
using k8s.Models;
using PaaS.Scheduler.Cache;
using PaaS.Scheduler.Framework;

var nodes = args.Length > 0 ? int.Parse(args[0]) : 1000;
var pods = args.Length > 1 ? int.Parse(args[1]) : 10_000;
var cache = new SchedulerCache();
for (var i = 0; i < nodes; i++)
{
    var capacity = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("8"), ["memory"] = new("32Gi"), ["pods"] = new("110") };
    cache.AddOrUpdateNode(new V1Node
    {
        Metadata = new V1ObjectMeta { Name = $"node-{i}", Labels = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = $"zone-{i % 3}", ["kubernetes.io/hostname"] = $"node-{i}" } },
        Status = new V1NodeStatus { Capacity = capacity, Allocatable = capacity, Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }] },
    });
}

var framework = new SchedulingFramework(PluginRegistry.Default);
var latencies = new List<double>(pods);
var scheduled = 0;
var total = Stopwatch.StartNew();
for (var i = 0; i < pods; i++)
{
    var pod = new V1Pod
    {
        Metadata = new V1ObjectMeta { Name = $"pod-{i}", NamespaceProperty = "bench", Uid = Guid.NewGuid().ToString(), Labels = new Dictionary<string, string> { ["app"] = $"app-{i % 100}" } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "i", Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") } } }] },
    };
    var one = Stopwatch.StartNew();
    var result = framework.Schedule(pod, cache.Snapshot());
    if (result.Outcome == ScheduleOutcome.Scheduled && cache.AssumePod(pod, result.NodeName!))
    {
        scheduled++;
    }

    latencies.Add(one.Elapsed.TotalMilliseconds);
}

total.Stop();
latencies.Sort();
Console.WriteLine($"scheduler ceiling: {nodes} nodes, {pods} pods ({scheduled} scheduled) in {total.Elapsed.TotalSeconds:F2} s: " +
    $"{scheduled / total.Elapsed.TotalSeconds:F0} decisions/s, p50 {latencies[pods / 2]:F3} ms, p99 {latencies[(int)(pods * 0.99)]:F3} ms per decision");
