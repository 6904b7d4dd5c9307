using System.Net;

namespace PaaS.EndToEnd.Tests;

/// <summary>The seed's hello world through the gateway: kubectl create, expose as a LoadBalancer, curl, scale.</summary>
[Collection(PlatformGroup.Name)]
public sealed class KubectlGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task HelloWorld_ExposedAsALoadBalancer_AnswersThroughTheGateway_FromEveryReplica()
    {
        var ns = "gw-" + Guid.NewGuid().ToString("N")[..8];
        await Ok("create", "namespace", ns);
        await Ok("create", "deployment", "hello-world", "--image=paas/hello:1", "--port=8080", "-n", ns);
        await Ok("expose", "deployment", "hello-world", "--type=LoadBalancer", "--name=my-service", "--port=8080", "-n", ns);
        await Ok("rollout", "status", "deployment/hello-world", "-n", ns, "--timeout=90s");

        var host = $"my-service.{ns}.apps.localhost";
        await Eventually.WaitAsync(async () => (await Ok("get", "services", "my-service", "-o", "wide", "-n", ns)).StandardOutput.Contains(host, StringComparison.Ordinal),
            "kubectl get services -o wide shows the address under EXTERNAL-IP", seconds: 60);
        Assert.Matches($@"my-service\s+LoadBalancer\s+\S+\s+{System.Text.RegularExpressions.Regex.Escape(host)}\s+8080", (await Ok("get", "services", "my-service", "-o", "wide", "-n", ns)).StandardOutput);

        using var http = new HttpClient();
        await Eventually.WaitAsync(async () => (await GetAsync(http, host)).Status == HttpStatusCode.OK, "the gateway answers for the service", seconds: 60);
        Assert.Matches(@"^Hello from hello-world-\w+-\w+ \(v1\)$", (await GetAsync(http, host)).Body.Trim());

        await Ok("scale", "deployment/hello-world", "--replicas=3", "-n", ns);
        await Ok("rollout", "status", "deployment/hello-world", "-n", ns, "--timeout=90s");
        var answeredBy = new HashSet<string>();
        await Eventually.WaitAsync(async () =>
        {
            answeredBy.Add((await GetAsync(http, host)).Body.Trim());
            return answeredBy.Count == 3;
        }, "answers come from all 3 replicas", seconds: 60);
    }

    [Fact]
    public async Task RollingUpdate_Under200RequestsPerSecond_FailsNoRequest()
    {
        var (ns, host) = await DeployAsync("roll", retries: null);
        using var load = new Load(platform.GatewayUrl, host);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Ok("set", "image", "deployment/web", "hello=paas/hello:2", "-n", ns);
        await Ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=120s");
        // The old pods drain and stop after the rollout reports done: keep the load on for that, and at least 10 s in all.
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, 10 - clock.Elapsed.TotalSeconds)));
        var result = await load.StopAsync();

        Assert.True(result.Failed == 0, $"{result.Failed} of {result.Sent} requests failed during the rollout: {result.FirstFailure}");
        Assert.True(result.Sent > 1000, $"only {result.Sent} requests were sent");
        Assert.Contains(result.Bodies, b => b.EndsWith("(v2)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2")]
    public async Task DockerKillOfOneReplica_UnderLoad_FailsFewRequests_AndNoneWithRetries(string? retries)
    {
        var (ns, host) = await DeployAsync("kill-" + (retries ?? "0"), retries);
        using var load = new Load(platform.GatewayUrl, host);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var pod = (await Ok("get", "pods", "-l", "app=web", "-n", ns, "-o", "jsonpath={.items[0].status.containerStatuses[0].containerID}")).StandardOutput;
        await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(CliWrap.Cli.Wrap("docker").WithArguments(["kill", pod.Replace("docker://", "", StringComparison.Ordinal)]));
        // A minute of load in all: without retries, the requests that reach the dead app before outlier ejection
        // (5 in a row, Envoy's default) and the Endpoints update take it out of rotation are the failures.
        await Task.Delay(TimeSpan.FromSeconds(retries is null ? 58 : 20));
        var result = await load.StopAsync();

        Assert.True(result.Sent > 3000, $"only {result.Sent} requests were sent");
        if (retries is null)
        {
            Assert.True(result.Failed * 1000 < result.Sent, $"{result.Failed} of {result.Sent} requests failed (goal < 0.1%): {result.FirstFailure}");
        }
        else
        {
            Assert.True(result.Failed == 0, $"{result.Failed} of {result.Sent} requests failed with retries on: {result.FirstFailure}");
        }
    }

    /// <summary>3 replicas of paas/hello:1 with a tcpSocket readiness probe, exposed as a LoadBalancer; returns the namespace and host.</summary>
    private async Task<(string Namespace, string Host)> DeployAsync(string name, string? retries)
    {
        var ns = $"gw-{name}-{Guid.NewGuid().ToString("N")[..6]}";
        await Ok("create", "namespace", ns);
        var manifest = Path.Combine(platform.Home, $"{ns}.yaml");
        var annotations = retries is null ? "{}" : $"{{gateway.paas.dev/retries: \"{retries}\"}}";
        await File.WriteAllTextAsync(manifest, $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: hello
                    image: paas/hello:1
                    ports: [{containerPort: 8080}]
                    readinessProbe:
                      tcpSocket: {port: 8080}
                      periodSeconds: 1
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations: {{annotations}}
            spec:
              type: LoadBalancer
              selector: {app: web}
              ports: [{port: 8080}]
            """);
        await Ok("apply", "-f", manifest, "-n", ns);
        await Ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=90s");
        var host = $"web.{ns}.apps.localhost";
        using var http = new HttpClient();
        var seen = new HashSet<string>();
        await Eventually.WaitAsync(async () =>
        {
            seen.Add((await GetAsync(http, host)).Body);
            return seen.Count(b => b.StartsWith("Hello from", StringComparison.Ordinal)) == 3;
        }, "all 3 replicas answer through the gateway", seconds: 60);
        return (ns, host);
    }

    /// <summary>GETs at about 200 requests/s (20 workers, one request each per 100 ms) until stopped.</summary>
    private sealed class Load : IDisposable
    {
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
        private readonly CancellationTokenSource _stop = new();
        private readonly Task[] _workers;
        private readonly System.Collections.Concurrent.ConcurrentBag<string> _bodies = [];
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _failures = new();
        private long _sent;

        public Load(string gateway, string host) => _workers = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var next = Task.Delay(100);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, gateway);
                    request.Headers.Host = host;
                    using var response = await _http.SendAsync(request);
                    var body = (await response.Content.ReadAsStringAsync()).Trim();
                    if (response.IsSuccessStatusCode)
                    {
                        _bodies.Add(body);
                    }
                    else
                    {
                        _failures.Enqueue($"{(int)response.StatusCode} {body}");
                    }
                }
                catch (HttpRequestException e)
                {
                    _failures.Enqueue(e.Message);
                }

                Interlocked.Increment(ref _sent);
                await next;
            }
        })).ToArray();

        public async Task<(long Sent, int Failed, string? FirstFailure, IReadOnlyCollection<string> Bodies)> StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_workers);
            return (Interlocked.Read(ref _sent), _failures.Count, _failures.TryPeek(out var first) ? first : null, _bodies.Distinct().ToList());
        }

        public void Dispose()
        {
            _stop.Cancel();
            _http.Dispose();
            _stop.Dispose();
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, platform.GatewayUrl);
        request.Headers.Host = host;
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<CliWrap.Buffered.BufferedCommandResult> Ok(params string[] args) => platform.KubectlOkAsync(args);
}
