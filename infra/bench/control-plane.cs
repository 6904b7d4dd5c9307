#:package KubernetesClient
#:property TreatWarningsAsErrors=false
// Whole-stack control-plane benchmark driver (issue 5, benchmark (b) and the deployments figure), run by
// infra/bench/control-plane.sh against an API server, controller manager, scheduler and simulated nodes:
//  (b) creates bare pods in bursts at 32 concurrent requests and watches them get bound: pods bound per
//      second through the API and PostgreSQL, and create→bound latency (request sent → bound pod seen on a watch);
//  (c) creates deployments × replicas at once and times them until every one has all replicas ready.
//  (b2) with the scheduler process paused (SIGSTOP), creates the same number of pods, resumes it and times
//      how fast it binds the backlog: the binding path alone, without creations competing for the API.
//  Peak memory (VmHWM) of the parts is read after (b) and (c), before (b2) adds as many pods again.
// Usage: dotnet run infra/bench/control-plane.cs <kubeconfig> [pods=10000] [burst=1000] [deployments=100] [replicas=10] [role=pid,...]
using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Models;

var kubeconfig = args[0];
var pods = args.Length > 1 ? int.Parse(args[1]) : 10_000;
var burst = args.Length > 2 ? int.Parse(args[2]) : 1_000;
var deployments = args.Length > 3 ? int.Parse(args[3]) : 100;
var replicas = args.Length > 4 ? int.Parse(args[4]) : 10;
var parts = (args.Length > 5 ? args[5] : "").Split(',', StringSplitOptions.RemoveEmptyEntries)
    .Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
var schedulerPid = parts.GetValueOrDefault("scheduler");
const int Connections = 32;
using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
var run = DateTime.UtcNow.ToString("HHmmss");
var clock = Stopwatch.StartNew();
var requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") };

// (b) pods bound per second and create→bound latency. A first, unmeasured round of one burst warms the
// processes up (.NET compiles hot code in tiers; a platform runs for days, not for one minute).
await CreateAndBindAsync($"bench-warmup-{run}", burst, report: false);
var bindingOk = await CreateAndBindAsync($"bench-pods-{run}", pods, report: true);

// (c) deployments × replicas until all ready.
var deployNs = $"bench-deploy-{run}";
await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = deployNs } });
var began = Stopwatch.StartNew();
var nextDeployment = 0;
await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref nextDeployment) - 1) < deployments)
    {
        var labels = new Dictionary<string, string> { ["app"] = $"web-{i}" };
        await client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = $"web-{i}" },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "paas/hello:1", Resources = new V1ResourceRequirements { Requests = requests } }] },
                },
            },
        }, deployNs);
    }
}));
var ready = 0;
while (began.Elapsed < TimeSpan.FromMinutes(10))
{
    var list = await client.AppsV1.ListNamespacedDeploymentAsync(deployNs);
    ready = list.Items.Count(d => d.Status?.ReadyReplicas == replicas && d.Status.AvailableReplicas == replicas && d.Status.UpdatedReplicas == replicas);
    if (ready == deployments)
    {
        break;
    }

    await Task.Delay(250);
}

Console.WriteLine($"{deployments} deployments × {replicas} replicas: {(ready == deployments ? $"all ready in {began.Elapsed.TotalSeconds:F1} s" : $"only {ready} ready after {began.Elapsed.TotalSeconds:F0} s")}");
if (parts.Count > 0)
{
    Console.WriteLine("peak memory (VmHWM) so far:");
    long controlPlane = 0;
    foreach (var (role, pid) in parts)
    {
        var kb = long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        controlPlane += role == "agent" ? 0 : kb;
        Console.WriteLine($"  {role,-14} {kb / 1024,6} MiB");
    }

    Console.WriteLine($"  control plane (API server, controller manager, scheduler): {controlPlane / 1024} MiB; the agent runs the simulated nodes");
}

if (schedulerPid is not null)
{
    bindingOk &= await CreateAndBindAsync($"bench-backlog-{run}", pods, report: true, pauseScheduler: true);
}

Console.WriteLine($"driver CPU seconds:      {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} (creating, watching)");
return bindingOk && ready == deployments ? 0 : 1;

async Task<bool> CreateAndBindAsync(string podNs, int count, bool report, bool pauseScheduler = false)
{
    await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = podNs } });
    var sent = new ConcurrentDictionary<string, double>();
    var bound = new ConcurrentDictionary<string, double>();
    var initial = await client.CoreV1.ListNamespacedPodAsync(podNs);
    using var stopWatching = new CancellationTokenSource();
    var watching = Task.Run(async () =>
    {
        var resourceVersion = initial.Metadata.ResourceVersion;
        while (!stopWatching.IsCancellationRequested)
        {
            try
            {
                var response = client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(podNs, watch: true, resourceVersion: resourceVersion, allowWatchBookmarks: true, timeoutSeconds: 600, cancellationToken: stopWatching.Token);
                await foreach (var (type, pod) in response.WatchAsync<V1Pod, V1PodList>(cancellationToken: stopWatching.Token))
                {
                    resourceVersion = pod.Metadata.ResourceVersion;
                    if (type != WatchEventType.Bookmark && !string.IsNullOrEmpty(pod.Spec?.NodeName))
                    {
                        bound.TryAdd(pod.Metadata.Name, clock.Elapsed.TotalMilliseconds);
                    }
                }
            }
            catch (Exception) when (stopWatching.IsCancellationRequested)
            {
                return;
            }
        }
    });
    await Task.Delay(500); // the watch is open before the first create

    var createFailures = 0;
    if (pauseScheduler)
    {
        Signal("STOP");
    }

    var first = clock.Elapsed.TotalMilliseconds;
    for (var start = 0; start < count; start += burst)
    {
        var next = start;
        var end = Math.Min(count, start + burst);
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next) - 1) < end)
            {
                var name = $"pod-{i}";
                sent[name] = clock.Elapsed.TotalMilliseconds;
                try
                {
                    await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
                    {
                        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = $"app-{i % 100}" } },
                        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "paas/hello:1", Resources = new V1ResourceRequirements { Requests = requests } }] },
                    }, podNs);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref createFailures);
                    sent.TryRemove(name, out double _);
                    Console.Error.WriteLine($"create {name}: {e.Message}");
                }
            }
        }));
    }

    var created = clock.Elapsed.TotalMilliseconds;
    if (pauseScheduler)
    {
        Signal("CONT");
    }

    var deadline = clock.Elapsed + TimeSpan.FromMinutes(10);
    while (sent.Keys.Any(k => !bound.ContainsKey(k)) && clock.Elapsed < deadline)
    {
        await Task.Delay(200);
    }

    await stopWatching.CancelAsync();
    var latencies = sent.Where(s => bound.ContainsKey(s.Key)).Select(s => bound[s.Key] - s.Value).Order().ToList();
    var lastBound = bound.Values.Max();
    if (!report)
    {
        Console.WriteLine($"warm-up:                 {latencies.Count} pods bound (not counted)");
        return latencies.Count == sent.Count && createFailures == 0;
    }

    if (pauseScheduler)
    {
        Console.WriteLine($"backlog:                 {sent.Count} pods created with the scheduler paused, then {latencies.Count} bound in {(lastBound - created) / 1000:F1} s after it resumed: {latencies.Count / ((lastBound - created) / 1000):F0} pods/s");
        return latencies.Count == sent.Count && createFailures == 0;
    }

    Console.WriteLine($"pods created:            {sent.Count} in {(created - first) / 1000:F1} s ({sent.Count / ((created - first) / 1000):F0}/s at {Connections} connections, bursts of {burst}), {createFailures} failed");
    Console.WriteLine($"pods bound:              {latencies.Count} of {sent.Count} in {(lastBound - first) / 1000:F1} s from the first create: {latencies.Count / ((lastBound - first) / 1000):F0} pods/s");
    Console.WriteLine($"create→bound latency:    p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms");
    return latencies.Count == sent.Count && createFailures == 0;
}

void Signal(string signal)
{
    using var kill = Process.Start("kill", ["-" + signal, schedulerPid!]);
    kill.WaitForExit();
}

static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
