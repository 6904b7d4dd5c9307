using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;
using PaaS.Core.Logs;

namespace PaaS.ApiServer.Tests.Logs;

/// <summary>Pods bound to a node and lines shipped for them the way a node agent ships them.</summary>
internal static class LogShipping
{
    /// <summary>A pod with the given containers (busybox, sleeping), bound to <paramref name="node"/>; returns its uid.</summary>
    public static async Task<string> NewPodOnNodeAsync(this ApiServerFixture api, string ns, string name, string node, string[]? containers = null, JsonObject? labels = null)
    {
        var pod = Manifests.Pod(name, node);
        if (containers is not null)
        {
            pod["spec"]!["containers"] = new JsonArray(containers.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c, ["image"] = "paas/busybox:1", ["command"] = new JsonArray("sleep", "3600"),
            }).ToArray());
        }

        if (labels is not null)
        {
            pod["metadata"]!["labels"] = labels;
        }

        using var admin = api.Client();
        var created = await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", pod)).ExpectAsync(201);
        return (string)created["metadata"]!["uid"]!;
    }

    public static LogEntry Entry(string ns, string pod, string uid, string line, DateTimeOffset time, string container = "app", int attempt = 0, string? containerId = null, string stream = "stdout") =>
        new(ns, pod, uid, container, attempt, containerId ?? $"cid-{uid}-{container}-{attempt}", LogTimestamp.Format(LogTimestamp.FromDateTimeOffset(time)), stream, line);

    public static Task<HttpResponseMessage> ShipAsync(this HttpClient client, string node, params LogEntry[] entries) =>
        client.PostAsJsonAsync($"/apis/paas.dev/v1/nodes/{node}/logs", new LogBatch(entries));

    public static async Task<string> LogAsync(this HttpClient client, string ns, string pod, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/namespaces/{ns}/pods/{pod}/log{(query.Length > 0 ? "?" + query : "")}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"expected 200, got {(int)response.StatusCode}: {body}");
        return body;
    }
}
