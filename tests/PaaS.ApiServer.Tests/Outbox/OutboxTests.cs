using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using PaaS.ApiServer.Tests.Infrastructure;
using PaaS.Contracts;

namespace PaaS.ApiServer.Tests.Outbox;

[Collection(ApiServerTestGroup.Name)]
public sealed class OutboxTests(ApiServerFixture api)
{
    [Fact]
    public async Task Changes_WhileRabbitMqIsDown_AreAllPublishedWhenItIsBack()
    {
        var client = api.Client();
        var ns = "o-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.PostJsonAsync("/api/v1/namespaces", Manifests.Namespace(ns))).ExpectAsync(201);

        // A durable queue keeps its binding while the broker is stopped, so nothing published after the
        // restart can slip past it before this test's own connection comes back.
        var queue = "paas-test-outbox-" + ns;
        var received = new ConcurrentDictionary<string, ResourceChanged>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host("127.0.0.1", "/", h =>
            {
                h.Username("guest");
                h.Password("guest");
            });
            rabbit.ReceiveEndpoint(queue, e =>
            {
                e.Durable = true;
                e.AutoDelete = false;
                e.Handler<ResourceChanged>(context =>
                {
                    if (context.Message.Namespace == ns && context.Message.Kind == "Pod")
                    {
                        received[context.Message.Name] = context.Message;
                    }

                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            await RabbitMqCtlAsync("stop_app");
            try
            {
                for (var i = 0; i < 100; i++)
                {
                    var pod = Manifests.Pod($"p{i}", nodeName: i % 2 == 0 ? "n1" : null);
                    if (i % 3 == 0)
                    {
                        pod["metadata"]!["ownerReferences"] = System.Text.Json.Nodes.JsonNode.Parse(
                            """[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-1","uid":"6a1bd2c4-1111-4c1e-9a8e-2f7b6c0d5e01","controller":true}]""");
                    }

                    await (await client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", pod)).ExpectAsync(201);
                }
            }
            finally
            {
                await RabbitMqCtlAsync("start_app");
            }

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (received.Count < 100 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }

            Assert.Equal(Enumerable.Range(0, 100).Select(i => $"p{i}").Order(), received.Keys.Order());
            Assert.All(received.Values, m => Assert.Equal("ADDED", m.ChangeType));
            Assert.All(received.Values, m => Assert.Equal("v1", m.ApiVersion));
            // Routing hints: the node a pod is bound to, and its controller owner.
            Assert.All(received, p => Assert.Equal(int.Parse(p.Key[1..]) % 2 == 0 ? "n1" : null, p.Value.NodeName));
            Assert.All(received, p => Assert.Equal(int.Parse(p.Key[1..]) % 3 == 0 ? "ReplicaSet/web-1" : null,
                p.Value.OwnerKind is null ? null : $"{p.Value.OwnerKind}/{p.Value.OwnerName}"));
        }
        finally
        {
            await bus.StopAsync();
            await RabbitMqCtlAsync("delete_queue", queue);
        }
    }

    private static async Task RabbitMqCtlAsync(params string[] args)
    {
        var info = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {string.Join(' ', args)} failed: {stderr}");
    }
}
