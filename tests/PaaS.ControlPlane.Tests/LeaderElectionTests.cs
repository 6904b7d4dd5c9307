using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using PaaS.Host;

namespace PaaS.ControlPlane.Tests;

/// <summary>Two controller managers and two schedulers at once: one leads each, nothing is done twice.</summary>
[Collection(ControlPlaneGroup.Name)]
public sealed class LeaderElectionTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task SecondInstances_StandBy_AndNothingIsCreatedTwice()
    {
        var settings = new Dictionary<string, string?>(fixture.Settings)
        {
            ["roles"] = "controllers,scheduler",
        };
        await using var second = PlatformHost.Build([], config => config.AddInMemoryCollection(settings));
        await second.StartAsync();
        try
        {
            var ns = "le-" + Guid.NewGuid().ToString("N")[..8];
            await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
            await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(Manifests.Deployment("le", 8), ns);

            var most = 0;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var pods = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items;
                most = Math.Max(most, pods.Count);
                if (pods.Count == 8 && pods.All(p => p.Status?.Phase == "Running"))
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, "the deployment did not converge in 30 s");
                await Task.Delay(50);
            }

            await Task.Delay(2000); // a second instance acting would create more by now
            Assert.Equal(8, (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count);
            Assert.Equal(8, most);
            Assert.Single((await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);
            foreach (var lease in new[] { "paas-controller-manager", "paas-scheduler" })
            {
                var held = await fixture.Admin.CoordinationV1.ReadNamespacedLeaseAsync(lease, "kube-system");
                Assert.False(string.IsNullOrEmpty(held.Spec.HolderIdentity));
            }
        }
        finally
        {
            await second.StopAsync();
        }
    }
}
