using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaaS.Contracts;
using PaaS.Controllers.Runtime;

namespace PaaS.Controllers.Tests.Runtime;

public sealed class ControllerHostTests
{
    [Fact]
    public async Task Events_ReachTheirKeys_FailuresAreRetried_AndRelistCoversTheRest()
    {
        var controller = new RecordingController { FailFirst = "ns/flaky", Everything = ["ns/listed-only"] };
        var host = new ControllerHost([controller], Options.Create(new ControllerOptions { RelistInterval = TimeSpan.FromMilliseconds(200), WorkersPerController = 2 }), NullLogger<ControllerHost>.Instance);
        await host.StartAsync(CancellationToken.None);
        try
        {
            // Events are taken once a term has started (its first relist): before that they are dropped.
            await controller.Listed.Task.WaitAsync(TimeSpan.FromSeconds(5));
            host.Dispatch(Change("web"));
            host.Dispatch(Change("flaky"));
            host.Dispatch(Change("ignored", kind: "Node"));

            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (DateTime.UtcNow < deadline && !(controller.Succeeded.ContainsKey("ns/web") && controller.Succeeded.ContainsKey("ns/flaky") && controller.Succeeded.ContainsKey("ns/listed-only")))
            {
                await Task.Delay(20);
            }

            Assert.True(controller.Succeeded.ContainsKey("ns/web"));
            Assert.True(controller.Succeeded.ContainsKey("ns/flaky"), "a failed key is retried");
            Assert.True(controller.Attempts["ns/flaky"] >= 2);
            Assert.True(controller.Succeeded.ContainsKey("ns/listed-only"), "the relist enqueues keys no event mentioned");
            Assert.False(controller.Attempts.ContainsKey("ns/ignored"));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static ResourceChanged Change(string name, string kind = "Pod") => new("v1", kind, "ns", name, Guid.NewGuid(), 1, "ADDED");

    private sealed class RecordingController : IController
    {
        public string? FailFirst { get; init; }

        public IReadOnlyCollection<string> Everything { get; init; } = [];

        public ConcurrentDictionary<string, int> Attempts { get; } = new();

        public ConcurrentDictionary<string, bool> Succeeded { get; } = new();

        public string Name => "recording";

        public IEnumerable<string> KeysFor(ResourceChanged change) => change.Kind == "Pod" ? [$"{change.Namespace}/{change.Name}"] : [];

        public TaskCompletionSource Listed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyCollection<string>> ListKeysAsync(CancellationToken ct)
        {
            Listed.TrySetResult();
            return Task.FromResult(Everything);
        }

        public Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
        {
            if (Attempts.AddOrUpdate(key, 1, (_, n) => n + 1) == 1 && key == FailFirst)
            {
                throw new InvalidOperationException("the API server is busy");
            }

            Succeeded[key] = true;
            return Task.FromResult<TimeSpan?>(null);
        }
    }
}
