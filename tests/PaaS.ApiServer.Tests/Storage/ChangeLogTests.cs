using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaaS.ApiServer.Storage;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Storage;

[Collection(ApiServerTestGroup.Name)]
public sealed class ChangeLogTests(ApiServerFixture api)
{
    /// <summary>
    /// Lists while 8 writers commit concurrently, then reads the change log after the listed version:
    /// every change above it must be there, and every change at or below it must already be in the list.
    /// </summary>
    [Fact]
    public async Task ListThenResume_EightConcurrentWriters_NoChangeSkipped()
    {
        var client = api.Client();
        var ns = "l-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.PostJsonAsync("/api/v1/namespaces", Manifests.Namespace(ns))).ExpectAsync(201);
        var store = api.Services.GetRequiredService<ObjectStore>();

        var committed = new ConcurrentBag<(long Version, string Name)>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            using var own = api.Client();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var name = $"w{w}-{i}";
                var created = await (await own.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod(name))).ExpectAsync(201);
                committed.Add((long.Parse((string)created["metadata"]!["resourceVersion"]!), name));
            }
        })).ToList();

        var snapshots = new List<(long Version, HashSet<string> Names)>();
        for (var s = 0; s < 10; s++)
        {
            await Task.Delay(150);
            var list = await (await client.GetAsync($"/api/v1/namespaces/{ns}/pods")).ExpectAsync(200);
            snapshots.Add((long.Parse((string)list["metadata"]!["resourceVersion"]!),
                list["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToHashSet()));
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(committed.Count > 50, $"only {committed.Count} writes happened");

        foreach (var (version, names) in snapshots)
        {
            var changes = await store.ReadChangesAsync(version, "pods", ns, 100_000, CancellationToken.None);
            var resumed = changes.Select(c => c.Name).ToHashSet();
            foreach (var (writeVersion, name) in committed)
            {
                if (writeVersion > version)
                {
                    Assert.Contains(name, resumed);
                }
                else
                {
                    Assert.Contains(name, names);
                }
            }

            // And the list holds nothing written after its version.
            Assert.All(names, n => Assert.True(committed.Single(c => c.Name == n).Version <= version));
        }
    }

    [Fact]
    public async Task Watch_FromTrimmedVersion_Answers410GoneWithStatus()
    {
        var client = api.Client();
        await using (var db = await api.OpenDatabaseAsync())
        {
            // What the relay's trim records once old changes are deleted.
            await using var trim = db.CreateCommand();
            trim.CommandText = "UPDATE store_counter SET compacted_through = greatest(compacted_through, 3) WHERE id = 1";
            await trim.ExecuteNonQueryAsync();
        }

        var gone = await (await client.GetAsync("/api/v1/namespaces/default/pods?watch=true&resourceVersion=1")).ExpectAsync(410);
        Assert.Equal("Expired", (string?)gone["reason"]);
        Assert.StartsWith("too old resource version: 1", (string?)gone["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WithBookmarks_SendsBookmarkWhenIdle()
    {
        var client = api.Client();
        var list = await (await client.GetAsync("/api/v1/namespaces/default/pods")).ExpectAsync(200);
        var version = (string)list["metadata"]!["resourceVersion"]!;
        using var response = await client.GetAsync($"/api/v1/namespaces/default/pods?watch=true&resourceVersion={version}&allowWatchBookmarks=true&timeoutSeconds=12", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = JsonNode.Parse((await reader.ReadLineAsync())!)!;
        Assert.Equal("BOOKMARK", (string?)first["type"]);
        Assert.True(long.Parse((string)first["object"]!["metadata"]!["resourceVersion"]!) >= long.Parse(version));
    }

    [Fact]
    public async Task Watch_FromListedVersion_StreamsLaterChanges()
    {
        var client = api.Client();
        var ns = "w-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.PostJsonAsync("/api/v1/namespaces", Manifests.Namespace(ns))).ExpectAsync(201);
        var list = await (await client.GetAsync($"/api/v1/namespaces/{ns}/pods")).ExpectAsync(200);
        var version = (string)list["metadata"]!["resourceVersion"]!;

        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("p1"))).ExpectAsync(201);
        await (await client.DeleteAsync($"/api/v1/namespaces/{ns}/pods/p1")).ExpectAsync(200);

        using var response = await client.GetAsync($"/api/v1/namespaces/{ns}/pods?watch=true&resourceVersion={version}&timeoutSeconds=2", HttpCompletionOption.ResponseHeadersRead);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["ADDED", "DELETED"], lines.Select(l => (string)l["type"]!));
        Assert.All(lines, l => Assert.Equal("p1", (string?)l["object"]!["metadata"]!["name"]));
    }
}
