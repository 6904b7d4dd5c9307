using System.Diagnostics;
using System.Net;
using k8s.Models;
using static PaaS.Gateway.Tests.Objects;

namespace PaaS.Gateway.Tests.Integration;

/// <summary>Per-service governance set by annotations, through the real gateway to fake pods.</summary>
public sealed class GovernanceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task RateLimit_Answers429WithRetryAfter_OnceTheServiceIsOverItsLimit()
    {
        await fixture.ExposeAsync(Governed("limited", ("rate-limit", "5/m")), "pod-a");
        await WaitGovernedAsync("limited");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await SendAsync("limited"));
        }

        // WaitGovernedAsync spent one of the five.
        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(4, refused.Count);
        Assert.All(refused, r => Assert.InRange(int.Parse(r.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60));
    }

    [Fact]
    public async Task Retries_SendAnIdempotentRequestToAnotherEndpoint_AfterA503()
    {
        await fixture.ExposeAsync(Governed("retried", ("retries", "2")), "pod-a", "pod-bad");
        await WaitGovernedAsync("retried");

        // A POST is not idempotent: it is not retried (first, before pod-bad's failures get it ejected).
        var posts = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            posts.Add((await SendAsync("retried", HttpMethod.Post)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.ServiceUnavailable, posts);

        var statuses = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var answer = await SendAsync("retried");
            statuses.Add($"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }

        Assert.All(statuses, s => Assert.Equal("200 pod-a", s));
    }

    [Fact]
    public async Task Timeout_Answers504_WhenTheEndpointIsTooSlow()
    {
        await fixture.ExposeAsync(Governed("slow", ("timeout", "500ms")), FakePods.SlowPod);
        await fixture.WaitRoutedAsync("slow.team-a.apps.localhost", s => s == HttpStatusCode.GatewayTimeout);

        var clock = Stopwatch.StartNew();
        var (status, body) = await fixture.GetAsync("slow.team-a.apps.localhost");

        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("service team-a/slow did not answer within 500 ms\n", body);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task CircuitBreaker_OpensAfterConsecutiveFailures_AndFailsFast()
    {
        await fixture.ExposeAsync(Governed("fragile", ("circuit-breaker", "3/30s")), "pod-bad");
        // Until the pod itself answers (a 503 naming no ready endpoint can come first while the gateway has the
        // Service but not yet its Endpoints; that one never reaches the breaker).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await fixture.GetAsync("fragile.team-a.apps.localhost")).Body != "pod-bad" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var bodies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            bodies.Add((await fixture.GetAsync("fragile.team-a.apps.localhost")).Body);
        }

        // The wait above was the first failure: two more reach the pod, then the circuit is open.
        Assert.Equal(["pod-bad", "pod-bad"], bodies.Take(2));
        Assert.All(bodies.Skip(2), b => Assert.Equal("circuit open for service team-a/fragile: recent requests failed\n", b));
    }

    [Fact]
    public async Task Canary_Gets10PercentOfRequests_Within5Percent()
    {
        await fixture.ExposeAsync(Service("web-v2"), "pod-b");
        await fixture.ExposeAsync(Governed("web", ("canary", "web-v2=10")), "pod-a");
        await fixture.WaitRoutedAsync("web-v2.team-a.apps.localhost");
        await WaitGovernedAsync("web");

        var canary = 0;
        for (var i = 0; i < 1000; i++)
        {
            var (_, body) = await fixture.GetAsync("web.team-a.apps.localhost");
            canary += body == "pod-b" ? 1 : 0;
        }

        Assert.InRange(canary, 50, 150);
    }

    private static V1Service Governed(string name, params (string Key, string Value)[] annotations)
    {
        var service = Service(name);
        service.Metadata.Annotations = annotations.ToDictionary(a => "gateway.paas.dev/" + a.Key, a => a.Value);
        return service;
    }

    private async Task WaitGovernedAsync(string service) => await fixture.WaitRoutedAsync($"{service}.team-a.apps.localhost");

    private async Task<HttpResponseMessage> SendAsync(string service, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, fixture.GatewayUrl);
        request.Headers.Host = $"{service}.team-a.apps.localhost";
        return await fixture.Gateway.SendAsync(request);
    }
}
