using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace PaaS.ControlPlane.Tests;

/// <summary>The endpoints controller follows a Deployment's pods through the real API, outbox and bus (simulated nodes).</summary>
[Collection(ControlPlaneGroup.Name)]
public sealed class EndpointsTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Service_GetsEndpointsOfEveryReplica_FollowsScaling_AndLosesThemWithTheService()
    {
        var ns = "ep-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var deployment = Manifests.Deployment("web", replicas: 3);
        deployment.Spec.Template.Spec.Containers[0].Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }];
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await fixture.Admin.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" }] },
        }, ns);

        await EndpointsMatchReadyPodsAsync(ns, 3);

        await Scale(ns, 5);
        await EndpointsMatchReadyPodsAsync(ns, 5);
        await Scale(ns, 2);
        await EndpointsMatchReadyPodsAsync(ns, 2);

        // A Service without a selector keeps the Endpoints its user wrote; an unchanged pod set rewrites nothing.
        await fixture.Admin.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "manual" },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Name = "db", Port = 5432 }] },
        }, ns);
        var manual = await fixture.Admin.CoreV1.CreateNamespacedEndpointsAsync(new V1Endpoints
        {
            Metadata = new V1ObjectMeta { Name = "manual" },
            Subsets = [new V1EndpointSubset { Addresses = [new V1EndpointAddress { Ip = "192.0.2.10" }], Ports = [new Corev1EndpointPort { Name = "db", Port = 5432 }] }],
        }, ns);
        var managed = (await EndpointsOrNullAsync(ns))!.Metadata.ResourceVersion;
        await Task.Delay(TimeSpan.FromSeconds(6)); // more than the fixture's relist interval (5 s)
        Assert.Equal(manual.Metadata.ResourceVersion, (await fixture.Admin.CoreV1.ReadNamespacedEndpointsAsync("manual", ns)).Metadata.ResourceVersion);
        Assert.Equal(managed, (await EndpointsOrNullAsync(ns))!.Metadata.ResourceVersion);

        await fixture.Admin.CoreV1.DeleteNamespacedServiceAsync("web", ns);
        await Wait.Until(async () => await EndpointsOrNullAsync(ns) is null);
    }

    /// <summary>Waits for <paramref name="count"/> ready pods, then for Endpoints listing exactly those: pod IP and container port (simulated nodes publish nothing).</summary>
    private async Task EndpointsMatchReadyPodsAsync(string ns, int count)
    {
        var pods = await Wait.For(async () =>
        {
            var all = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items;
            var ready = all.Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true).ToList();
            return ready.Count == count && all.Count == count ? ready : null;
        }, seconds: 30);
        var expected = pods.Select(p => (p.Metadata.Name, p.Status.PodIP, p.Spec.NodeName, 8080)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

        // The pods are ready and their changes announced: the Endpoints follow within a few seconds at most.
        var endpoints = await Wait.For(async () =>
        {
            var e = await EndpointsOrNullAsync(ns);
            var listed = (e?.Subsets ?? []).Where(s => s.NotReadyAddresses is not { Count: > 0 })
                .Select(s => (s.Addresses.Single().TargetRef.Name, s.Addresses.Single().Ip, s.Addresses.Single().NodeName, s.Ports.Single().Port)).ToList();
            return listed.SequenceEqual(expected) && e!.Subsets.Count == count ? e : null;
        }, seconds: 5);
        Assert.All(endpoints.Subsets, s => Assert.Equal(("http", "TCP"), (s.Ports.Single().Name, s.Ports.Single().Protocol)));
    }

    private Task<V1Scale> Scale(string ns, int replicas) =>
        fixture.Admin.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch($$"""{"spec":{"replicas":{{replicas}}} }""", V1Patch.PatchType.MergePatch), "web", ns);

    private async Task<V1Endpoints?> EndpointsOrNullAsync(string ns)
    {
        try
        {
            return await fixture.Admin.CoreV1.ReadNamespacedEndpointsAsync("web", ns);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
