using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

// Usage: ApiLoad <create|get> <apiUrl> <token> <namespace> [clients=32] [seconds=30]
// Drives the API with N concurrent clients for a fixed time and prints throughput and latency percentiles.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: ApiLoad <create|get> <apiUrl> <token> <namespace> [clients=32] [seconds=30]");
    return 2;
}

var (mode, url, token, ns) = (args[0], args[1], args[2], args[3]);
var clients = args.Length > 4 ? int.Parse(args[4]) : 32;
var duration = TimeSpan.FromSeconds(args.Length > 5 ? int.Parse(args[5]) : 30);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(url) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

static StringContent PodBody(string name) => new(
    """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"NAME","labels":{"bench":"api"}},"spec":{"containers":[{"name":"app","image":"paas/busybox:1","command":["sleep","3600"],"resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]}}""".Replace("NAME", name, StringComparison.Ordinal),
    Encoding.UTF8, "application/json");

const int GetTargets = 100;
if (mode == "get")
{
    for (var i = 0; i < GetTargets; i++)
    {
        var seed = await http.PostAsync($"/api/v1/namespaces/{ns}/pods", PodBody($"get-target-{i}"));
        if (!seed.IsSuccessStatusCode && seed.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            Console.Error.WriteLine($"seeding failed: {(int)seed.StatusCode} {await seed.Content.ReadAsStringAsync()}");
            return 1;
        }
    }
}

var latencies = new List<double>[clients];
var errors = 0;
var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
var run = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
{
    var mine = latencies[c] = new List<double>(100_000);
    for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = mode == "create"
            ? await http.PostAsync($"/api/v1/namespaces/{ns}/pods", PodBody($"c{c}-{i}-{Guid.NewGuid().ToString("N")[..6]}"))
            : await http.GetAsync($"/api/v1/namespaces/{ns}/pods/get-target-{(c + i) % GetTargets}");
        await response.Content.LoadIntoBufferAsync();
        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref errors);
        }
    }
}));
run.Stop();

var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
Console.WriteLine($"{mode,-6} clients={clients} seconds={run.Elapsed.TotalSeconds:F0} requests={all.Length} errors={errors} " +
    $"throughput={all.Length / run.Elapsed.TotalSeconds:F0}/s p50={Percentile(0.50):F1}ms p99={Percentile(0.99):F1}ms max={all.LastOrDefault():F1}ms");
return errors == 0 ? 0 : 1;
