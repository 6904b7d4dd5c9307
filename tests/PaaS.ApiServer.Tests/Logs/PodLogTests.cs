using System.Diagnostics;
using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;
using PaaS.Core.Logs;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Tests.Logs;

/// <summary><c>GET .../pods/{name}/log</c> as kubectl uses it.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class PodLogTests(ApiServerFixture api)
{
    private readonly string _node = "n-" + Guid.NewGuid().ToString("N")[..8];
    private readonly HttpClient _admin = api.Client();

    private async Task<HttpClient> AgentAsync() => api.Client(await api.SystemTokenAsync("system:node:" + _node));

    [Fact]
    public async Task Log_TailSinceAndTimestamps_SelectAndPrefixLines()
    {
        var ns = await api.NewNamespaceAsync();
        var uid = await api.NewPodOnNodeAsync(ns, "web", _node);
        using var agent = await AgentAsync();
        var now = DateTimeOffset.UtcNow;
        var old = LogShipping.Entry(ns, "web", uid, "an hour ago", now.AddHours(-1));
        // A time with nanoseconds, which timestamps=true must print back to the digit.
        var recent = LogShipping.Entry(ns, "web", uid, "a second ago", now) with { Time = LogTimestamp.Format(LogTimestamp.FromDateTimeOffset(now.AddSeconds(-1)) + 123) };
        var error = LogShipping.Entry(ns, "web", uid, "to stderr", now, stream: "stderr");
        await (await agent.ShipAsync(_node, old, recent, error)).ExpectAsync(200);

        Assert.Equal("an hour ago\na second ago\nto stderr\n", await _admin.LogAsync(ns, "web"));
        Assert.Equal("a second ago\nto stderr\n", await _admin.LogAsync(ns, "web", "tailLines=2"));
        Assert.Equal("", await _admin.LogAsync(ns, "web", "tailLines=0"));
        Assert.Equal("a second ago\nto stderr\n", await _admin.LogAsync(ns, "web", "sinceSeconds=60"));
        Assert.Equal("to stderr\n", await _admin.LogAsync(ns, "web", "sinceTime=" + Uri.EscapeDataString(error.Time)));
        Assert.Equal($"{recent.Time} a second ago\n", await _admin.LogAsync(ns, "web", "timestamps=true&tailLines=2&limitBytes=" + (recent.Time.Length + 14)));
        Assert.Equal("an hour", await _admin.LogAsync(ns, "web", "limitBytes=7"));
        await (await _admin.GetAsync($"/api/v1/namespaces/{ns}/pods/web/log?sinceSeconds=0")).ExpectAsync(400);
        await (await _admin.GetAsync($"/api/v1/namespaces/{ns}/pods/web/log?sinceSeconds=5&sinceTime=2026-01-01T00:00:00Z")).ExpectAsync(400);
        await (await _admin.GetAsync($"/api/v1/namespaces/{ns}/pods/web/log?tailLines=many")).ExpectAsync(400);
    }

    [Fact]
    public async Task Log_OfTwoContainers_NeedsAContainerName_AndPreviousReadsTheAttemptBefore()
    {
        var ns = await api.NewNamespaceAsync();
        var uid = await api.NewPodOnNodeAsync(ns, "duo", _node, ["a", "b"]);
        using var agent = await AgentAsync();
        var now = DateTimeOffset.UtcNow;
        await (await agent.ShipAsync(_node,
            LogShipping.Entry(ns, "duo", uid, "a, first run", now.AddSeconds(-3), container: "a", attempt: 0),
            LogShipping.Entry(ns, "duo", uid, "a, second run", now.AddSeconds(-2), container: "a", attempt: 1),
            LogShipping.Entry(ns, "duo", uid, "b says hi", now.AddSeconds(-1), container: "b"))).ExpectAsync(200);

        var unnamed = await (await _admin.GetAsync($"/api/v1/namespaces/{ns}/pods/duo/log")).ExpectAsync(400);
        Assert.Equal("a container name must be specified for pod duo, choose one of: [a b]", (string?)unnamed["message"]);
        var unknown = await (await _admin.GetAsync($"/api/v1/namespaces/{ns}/pods/duo/log?container=c")).ExpectAsync(400);
        Assert.Contains("container c is not valid for pod duo", (string?)unknown["message"], StringComparison.Ordinal);

        Assert.Equal("a, second run\n", await _admin.LogAsync(ns, "duo", "container=a"));
        Assert.Equal("a, first run\n", await _admin.LogAsync(ns, "duo", "container=a&previous=true"));
        Assert.Equal("b says hi\n", await _admin.LogAsync(ns, "duo", "container=b"));
        var noPrevious = await (await _admin.GetAsync($"/api/v1/namespaces/{ns}/pods/duo/log?container=b&previous=true")).ExpectAsync(400);
        Assert.Equal("previous terminated container \"b\" in pod \"duo\" not found", (string?)noPrevious["message"]);
        await (await _admin.GetAsync($"/api/v1/namespaces/{ns}/pods/nothere/log")).ExpectAsync(404);
    }

    [Fact]
    public async Task Log_TeamViewerReads_OutsiderIsForbidden()
    {
        var (viewer, viewerToken) = await api.NewUserAsync("viewer");
        var (_, outsiderToken) = await api.NewUserAsync("outsider");
        var (_, namespaces) = await api.NewTeamAsync([(viewer, TeamRoles.Viewer)]);
        var ns = namespaces[0];
        var uid = await api.NewPodOnNodeAsync(ns, "web", _node);
        using var agent = await AgentAsync();
        await (await agent.ShipAsync(_node, LogShipping.Entry(ns, "web", uid, "for the team", DateTimeOffset.UtcNow))).ExpectAsync(200);

        using var viewerClient = api.Client(viewerToken);
        Assert.Equal("for the team\n", await viewerClient.LogAsync(ns, "web"));
        using var outsider = api.Client(outsiderToken);
        var denied = await (await outsider.GetAsync($"/api/v1/namespaces/{ns}/pods/web/log")).ExpectAsync(403);
        Assert.Contains("cannot get resource \"pods/log\"", (string?)denied["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_Follow_StreamsALineShippedAfterTheRequestBegan_AndEndsWhenThePodIsDeleted()
    {
        var ns = await api.NewNamespaceAsync();
        var uid = await api.NewPodOnNodeAsync(ns, "web", _node);
        using var agent = await AgentAsync();
        await (await agent.ShipAsync(_node, LogShipping.Entry(ns, "web", uid, "before", DateTimeOffset.UtcNow))).ExpectAsync(200);

        using var response = await _admin.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods/web/log?follow=true"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal("before", await reader.ReadLineAsync(timeout.Token));

        await (await agent.ShipAsync(_node, LogShipping.Entry(ns, "web", uid, "after", DateTimeOffset.UtcNow))).ExpectAsync(200);
        Assert.Equal("after", await reader.ReadLineAsync(timeout.Token));

        await (await _admin.DeleteAsync($"/api/v1/namespaces/{ns}/pods/web?gracePeriodSeconds=0")).ExpectAsync(200);
        Assert.Null(await reader.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task KubectlLogs_OfADeployment_PrintsOneOfItsPodsLines()
    {
        var ns = await api.NewNamespaceAsync();
        await (await _admin.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web"))).ExpectAsync(201);
        // No controllers run in this fixture: the pod the deployment would have, made by hand with its labels.
        var uid = await api.NewPodOnNodeAsync(ns, "web-abc12", _node, labels: new JsonObject { ["app"] = "web" });
        using var agent = await AgentAsync();
        await (await agent.ShipAsync(_node, LogShipping.Entry(ns, "web-abc12", uid, "served by kubectl", DateTimeOffset.UtcNow))).ExpectAsync(200);

        var (code, output) = await KubectlAsync("logs", "deployment/web", "-n", ns);
        Assert.True(code == 0, output);
        Assert.Equal("served by kubectl\n", output);
        (code, output) = await KubectlAsync("logs", "web-abc12", "-n", ns, "--timestamps");
        Assert.True(code == 0, output);
        Assert.EndsWith(" served by kubectl\n", output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output)> KubectlAsync(params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["--server", api.SecureAddress.ToString().TrimEnd('/'), "--insecure-skip-tls-verify", "--token", api.AdminToken, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KUBECACHEDIR"] = Directory.CreateTempSubdirectory("kubecache-").FullName;
        start.Environment["KUBECONFIG"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, process.ExitCode == 0 ? await stdout : await stdout + await stderr);
    }
}
