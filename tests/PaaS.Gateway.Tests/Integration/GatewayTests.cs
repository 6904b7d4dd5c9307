using System.Net;
using System.Text.RegularExpressions;
using k8s;
using static PaaS.Gateway.Tests.Objects;

namespace PaaS.Gateway.Tests.Integration;

/// <summary>Traffic through the gateway to fake pods, with Services and Endpoints written through the real API.</summary>
public sealed partial class GatewayTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Request_ByServiceHost_IsRoundRobinedOverBothReadyEndpoints()
    {
        await fixture.ExposeAsync(Service("rr"), "pod-a", "pod-b");
        Assert.Equal(HttpStatusCode.OK, (await fixture.WaitRoutedAsync("rr.team-a.apps.localhost")).Status);

        var bodies = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            bodies.Add((await fixture.GetAsync("rr.team-a.apps.localhost")).Body);
        }

        Assert.Equal(5, bodies.Count(b => b == "pod-a"));
        Assert.Equal(5, bodies.Count(b => b == "pod-b"));
        // The port forms reach the same service.
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("http.rr.team-a.apps.localhost:8080")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("80.rr.team-a.apps.localhost")).Status);
    }

    [Fact]
    public async Task Request_ServiceWithoutReadyEndpoints_Answers503NamingTheService()
    {
        await fixture.ExposeAsync(Service("idle"));

        var (status, body) = await fixture.WaitRoutedAsync("idle.team-a.apps.localhost", s => s != HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("no ready endpoints for service team-a/idle\n", body);
    }

    [Fact]
    public async Task Request_UnknownHost_Answers404NamingTheHostAndTheUrlForm()
    {
        var (status, body) = await fixture.GetAsync("nothing.team-a.apps.localhost");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("\"nothing.team-a.apps.localhost\"", body, StringComparison.Ordinal);
        Assert.Contains("http://<service>.<namespace>.apps.localhost/", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ClientIpAffinity_KeepsTheClientOnOneEndpoint()
    {
        await fixture.ExposeAsync(Service("sticky", affinity: "ClientIP"), "pod-a", "pod-b");
        await fixture.WaitRoutedAsync("sticky.team-a.apps.localhost");

        var bodies = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            bodies.Add((await fixture.GetAsync("sticky.team-a.apps.localhost")).Body);
        }

        Assert.Single(bodies);
    }

    [Fact]
    public async Task Request_EndpointFailingFiveTimesInARow_IsEjected()
    {
        await fixture.ExposeAsync(Service("flaky"), "pod-a", "pod-bad");
        await fixture.WaitRoutedAsync("flaky.team-a.apps.localhost", s => s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable);

        // Round robin sends every other request to pod-bad: its fifth 503 in a row ejects it.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add((await fixture.GetAsync("flaky.team-a.apps.localhost")).Status);
        }

        Assert.InRange(answers.Count(s => s == HttpStatusCode.ServiceUnavailable), 1, 5);
        Assert.All(answers.TakeLast(8), s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task LoadBalancerService_GetsItsHostnameInStatus()
    {
        await fixture.ExposeAsync(Service("lb"), "pod-a");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? hostname;
        do
        {
            await Task.Delay(100);
            var service = await fixture.Admin.CoreV1.ReadNamespacedServiceAsync("lb", GatewayFixture.Namespace);
            hostname = service.Status?.LoadBalancer?.Ingress?.SingleOrDefault()?.Hostname;
        }
        while (hostname is null && DateTime.UtcNow < deadline);

        Assert.Equal("lb.team-a.apps.localhost", hostname);
    }

    [Fact]
    public async Task Metrics_CountRequestsByServiceAndStatus()
    {
        await fixture.ExposeAsync(Service("counted", type: "NodePort"), "pod-a");
        await fixture.WaitRoutedAsync("counted.team-a.apps.localhost");
        var before = await CountAsync();

        for (var i = 0; i < 3; i++)
        {
            await fixture.GetAsync("counted.team-a.apps.localhost");
        }

        Assert.Equal(before + 3, await CountAsync());
        var metrics = await fixture.Gateway.GetStringAsync(new Uri(fixture.GatewayUrl, "/metrics"));
        Assert.Contains("paas_gateway_request_duration_seconds_bucket{namespace=\"team-a\",service=\"counted\",le=\"+Inf\"}", metrics, StringComparison.Ordinal);
    }

    private async Task<long> CountAsync()
    {
        var metrics = await fixture.Gateway.GetStringAsync(new Uri(fixture.GatewayUrl, "/metrics"));
        return long.Parse(CountedOk().Match(metrics).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""paas_gateway_requests_total\{namespace="team-a",service="counted",code="200"\} (\d+)""")]
    private static partial Regex CountedOk();
}
