#:package KubernetesClient
#:property TreatWarningsAsErrors=false
// Pod startup latency benchmark driver (issue 6), run by infra/bench/pod-startup.sh against the all-in-one
// platform with one node on the Docker engine. Latency as Kubernetes' SLO defines it: from the create request
// to the pod seen through the API (a watch) with all its containers started; images present. Pods are created
// one after another, each after the previous one started (so each figure is one pod's latency, not a queue's),
// after an unmeasured warm-up. Then, optionally, N idle pods for the density figure (the script reads the
// agent's memory and CPU).
// Usage: dotnet run infra/bench/pod-startup.cs <kubeconfig> <pods> <image> [density-pods]
using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Models;

var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(args[0]));
var count = int.Parse(args[1]);
var image = args[2];
var density = args.Length > 3 ? int.Parse(args[3]) : 0;
var run = DateTime.UtcNow.ToString("HHmmss");
var ns = $"bench-start-{run}";
await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });

var clock = Stopwatch.StartNew();
var started = new ConcurrentDictionary<string, TaskCompletionSource<double>>();
using var stop = new CancellationTokenSource();
void Observe(V1Pod pod)
{
    var statuses = pod.Status?.ContainerStatuses;
    if (statuses is { Count: > 0 } && statuses.All(c => c.State?.Running is not null))
    {
        started.GetOrAdd(pod.Metadata.Name, _ => new()).TrySetResult(clock.Elapsed.TotalMilliseconds);
    }
}

// A list, then a watch from its version; should the watch break, list and watch again (nothing is missed).
var watching = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        try
        {
            var list = await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: stop.Token);
            list.Items.ToList().ForEach(Observe);
            var response = client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(ns, watch: true, resourceVersion: list.Metadata.ResourceVersion, allowWatchBookmarks: true, timeoutSeconds: 600, cancellationToken: stop.Token);
            await foreach (var (type, pod) in response.WatchAsync<V1Pod, V1PodList>(cancellationToken: stop.Token))
            {
                if (type != WatchEventType.Bookmark)
                {
                    Observe(pod);
                }
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"watch broke ({e.GetType().Name}: {e.Message}); listing and watching again");
        }
    }
});
await Task.Delay(500);

V1Pod Pod(string name) => new()
{
    Metadata = new V1ObjectMeta { Name = name },
    Spec = new V1PodSpec
    {
        // Small requests, so 100 of them fit the 2 cores of this machine; no limits given, so the node's defaults
        // apply (a 10m CPU limit would throttle the container's own start-up to over a second).
        TerminationGracePeriodSeconds = 1,
        Containers = [new V1Container { Name = "app", Image = image, Command = ["sleep", "3600"], Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("10m"), ["memory"] = new("16Mi") } } }],
    },
};

async Task<double> StartOneAsync(string name)
{
    var waiter = started.GetOrAdd(name, _ => new());
    var sent = clock.Elapsed.TotalMilliseconds;
    await client.CoreV1.CreateNamespacedPodAsync(Pod(name), ns);
    var seen = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(60));
    return seen - sent;
}

for (var i = 0; i < 5; i++)
{
    await StartOneAsync($"warmup-{i}");
}

var latencies = new List<double>();
for (var i = 0; i < count; i++)
{
    latencies.Add(await StartOneAsync($"pod-{i}"));
}

latencies.Sort();
double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
Console.WriteLine($"pod startup (create -> all containers running, seen on a watch), {count} pods one at a time:");
Console.WriteLine($"  p50 {Percentile(50):F0} ms   p90 {Percentile(90):F0} ms   p99 {Percentile(99):F0} ms   max {latencies[^1]:F0} ms");

if (density > 0)
{
    var total = count + 5;
    var more = Enumerable.Range(0, Math.Max(0, density - total)).Select(i => $"idle-{i}").ToList();
    foreach (var batch in more.Chunk(10))
    {
        await Task.WhenAll(batch.Select(name => client.CoreV1.CreateNamespacedPodAsync(Pod(name), ns)));
    }

    await Task.WhenAll(more.Select(name => started.GetOrAdd(name, _ => new()).Task.WaitAsync(TimeSpan.FromMinutes(5))));
    Console.WriteLine($"density: {Math.Max(density, total)} pods running on the node");
}

stop.Cancel();
await watching;
Console.WriteLine($"NAMESPACE {ns}");
