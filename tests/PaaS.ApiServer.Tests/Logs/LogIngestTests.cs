using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaaS.ApiServer.Logs;
using PaaS.ApiServer.Tests.Infrastructure;
using PaaS.Core.Logs;

namespace PaaS.ApiServer.Tests.Logs;

/// <summary>Node agents shipping lines: validation, who may ship what, idempotency, cursors, retention.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class LogIngestTests(ApiServerFixture api)
{
    private readonly string _node = "n-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Ship_BadTimeInOneEntry_Answers400NamingTheField_AndStoresNothing()
    {
        var ns = await api.NewNamespaceAsync();
        var uid = await api.NewPodOnNodeAsync(ns, "web", _node);
        using var agent = api.Client(await api.SystemTokenAsync("system:node:" + _node));
        var now = DateTimeOffset.UtcNow;
        var entries = Enumerable.Range(0, 4).Select(i => LogShipping.Entry(ns, "web", uid, $"line {i}", now.AddMilliseconds(i))).ToArray();
        entries[3] = entries[3] with { Time = "yesterday" };

        var error = await (await agent.ShipAsync(_node, entries)).ExpectAsync(400);

        Assert.Equal("entries[3].time: not an RFC 3339 timestamp", (string?)error["message"]);
        using var admin = api.Client();
        Assert.Equal("", await admin.LogAsync(ns, "web"));
    }

    [Fact]
    public async Task Ship_MissingOrWrongFields_NameTheField()
    {
        using var agent = api.Client(await api.SystemTokenAsync("system:node:" + _node));
        var entry = LogShipping.Entry("ns", "p", Guid.NewGuid().ToString(), "x", DateTimeOffset.UtcNow);
        async Task<string?> Refusal(object body) =>
            (string?)(await (await agent.PostAsJsonAsync($"/apis/paas.dev/v1/nodes/{_node}/logs", body)).ExpectAsync(400))["message"];

        Assert.Equal("entries: Required value", await Refusal(new { }));
        Assert.Equal("entries[0].podUid: not a UUID", await Refusal(new LogBatch([entry with { PodUid = "nope" }])));
        Assert.Equal("entries[1].container: Required value", await Refusal(new LogBatch([entry, entry with { Container = "" }])));
        Assert.Contains("entries[0].stream: Unsupported value: \"both\"", await Refusal(new LogBatch([entry with { Stream = "both" }])), StringComparison.Ordinal);
        Assert.Contains("entries[0].attempt", await Refusal(new { entries = new[] { new { entry.Namespace, entry.Pod, entry.PodUid, entry.Container, attempt = -1, entry.ContainerId, entry.Time, entry.Stream, entry.Line } } }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ship_AsAnotherNode_IsForbidden_AndAPodOfAnotherNodeIsRefusedByName()
    {
        var ns = await api.NewNamespaceAsync();
        var uid = await api.NewPodOnNodeAsync(ns, "web", _node);
        var line = LogShipping.Entry(ns, "web", uid, "hello", DateTimeOffset.UtcNow);
        var other = "n-" + Guid.NewGuid().ToString("N")[..8];
        using var otherAgent = api.Client(await api.SystemTokenAsync("system:node:" + other));

        var impersonating = await (await otherAgent.ShipAsync(_node, line)).ExpectAsync(403);
        Assert.Contains($"User \"system:node:{other}\" cannot create resource \"nodes/logs\"", (string?)impersonating["message"], StringComparison.Ordinal);

        var notItsPod = await (await otherAgent.ShipAsync(other, line)).ExpectAsync(403);
        Assert.Contains($"pod \"{ns}/web\"", (string?)notItsPod["message"], StringComparison.Ordinal);

        var wrongUid = await (await otherAgent.ShipAsync(other, line with { PodUid = Guid.NewGuid().ToString() })).ExpectAsync(403);
        Assert.Contains($"pod \"{ns}/web\"", (string?)wrongUid["message"], StringComparison.Ordinal);

        var (_, userToken) = await api.NewUserAsync();
        using var user = api.Client(userToken);
        await (await user.ShipAsync(_node, line)).ExpectAsync(403);
        await (await user.GetAsync($"/apis/paas.dev/v1/nodes/{_node}/logcursors")).ExpectAsync(403);

        using var admin = api.Client();
        Assert.Equal("", await admin.LogAsync(ns, "web"));
    }

    [Fact]
    public async Task Ship_SameBatchTwice_StoresEachLineOnce_AndTheCursorIsTheNewestLine()
    {
        var ns = await api.NewNamespaceAsync();
        var uid = await api.NewPodOnNodeAsync(ns, "web", _node);
        using var agent = api.Client(await api.SystemTokenAsync("system:node:" + _node));
        var start = DateTimeOffset.UtcNow.AddSeconds(-10);
        // Two different lines in the same nanosecond are both kept; the same line again is not.
        var entries = new[]
        {
            LogShipping.Entry(ns, "web", uid, "one", start),
            LogShipping.Entry(ns, "web", uid, "two", start),
            LogShipping.Entry(ns, "web", uid, "three", start.AddSeconds(1)) with { Time = LogTimestamp.Format(LogTimestamp.FromDateTimeOffset(start.AddSeconds(1)) + 7) },
        };

        var first = await (await agent.ShipAsync(_node, entries)).ExpectAsync(200);
        var again = await (await agent.ShipAsync(_node, entries)).ExpectAsync(200);
        var overlapping = await (await agent.ShipAsync(_node, entries[2], LogShipping.Entry(ns, "web", uid, "four", start.AddSeconds(2)))).ExpectAsync(200);

        Assert.Equal(3, (int?)first["stored"]);
        Assert.Equal(0, (int?)again["stored"]);
        Assert.Equal(1, (int?)overlapping["stored"]);
        using var admin = api.Client();
        Assert.Equal("one\ntwo\nthree\nfour\n", await admin.LogAsync(ns, "web"));
        var cursors = await (await agent.GetAsync($"/apis/paas.dev/v1/nodes/{_node}/logcursors")).ExpectAsync(200);
        Assert.Equal(LogTimestamp.Format(LogTimestamp.FromDateTimeOffset(start.AddSeconds(2))), (string?)cursors["cursors"]![entries[0].ContainerId]);
        Assert.Single(cursors["cursors"]!.AsObject());
    }

    [Fact]
    public async Task Retention_DeletesLinesOlderThanTheSetting_AndLateOldLinesAreNotStored()
    {
        var ns = await api.NewNamespaceAsync();
        var uid = await api.NewPodOnNodeAsync(ns, "web", _node);
        using var agent = api.Client(await api.SystemTokenAsync("system:node:" + _node));
        var now = DateTimeOffset.UtcNow;
        var shipped = await (await agent.ShipAsync(_node,
            LogShipping.Entry(ns, "web", uid, "eight days ago", now.AddDays(-8)),
            LogShipping.Entry(ns, "web", uid, "two hours ago", now.AddHours(-2)),
            LogShipping.Entry(ns, "web", uid, "just now", now))).ExpectAsync(200);
        Assert.Equal(2, (int?)shipped["stored"]);

        var retention = new LogRetention(api.Services.GetRequiredService<LogStore>(), Options.Create(new LogOptions { Retention = TimeSpan.FromHours(1) }),
            TimeProvider.System, NullLogger<LogRetention>.Instance);
        Assert.True(await retention.PruneAsync(CancellationToken.None) >= 1);

        using var admin = api.Client();
        Assert.Equal("just now\n", await admin.LogAsync(ns, "web"));
    }
}
