using k8s.Models;
using PaaS.Controllers.Endpoints;

namespace PaaS.Controllers.Tests.Endpoints;

public class EndpointSubsetsTests
{
    [Fact]
    public void For_NamedTargetPort_ResolvesThroughTheContainerPortToThePublishedHostAddress()
    {
        var service = Service(new V1ServicePort { Name = "http", Port = 80, TargetPort = "web", Protocol = "TCP" });
        var pod = Pod("p1", published: "8080/TCP=127.0.0.1:40001,9090/TCP=127.0.0.1:40002");

        var subset = Assert.Single(EndpointSubsets.For(service, [pod]));

        var address = Assert.Single(subset.Addresses);
        Assert.Null(subset.NotReadyAddresses);
        Assert.Equal(("127.0.0.1", "node-1"), (address.Ip, address.NodeName));
        Assert.Equal(("Pod", "p1", "team-a", "p1-uid"), (address.TargetRef.Kind, address.TargetRef.Name, address.TargetRef.NamespaceProperty, address.TargetRef.Uid));
        var port = Assert.Single(subset.Ports);
        Assert.Equal(("http", 40001, "TCP"), (port.Name, port.Port, port.Protocol));
    }

    [Fact]
    public void For_NumericAndDefaultTargetPorts_UseTheNumberOrTheServicePort()
    {
        var service = Service(
            new V1ServicePort { Name = "metrics", Port = 9000, TargetPort = 9090 },
            new V1ServicePort { Name = "direct", Port = 8080 });

        var subset = Assert.Single(EndpointSubsets.For(service, [Pod("p1", published: "8080/TCP=10.0.0.5:40001,9090/TCP=10.0.0.5:40002")]));

        Assert.Equal("10.0.0.5", Assert.Single(subset.Addresses).Ip);
        Assert.Equal([("metrics", 40002), ("direct", 40001)], subset.Ports.Select(p => (p.Name, p.Port)));
    }

    [Fact]
    public void For_NoPublishedPorts_FallsBackToThePodIpAndContainerPort()
    {
        var service = Service(new V1ServicePort { Name = "http", Port = 80, TargetPort = "web" });

        var subset = Assert.Single(EndpointSubsets.For(service, [Pod("p1", podIp: "10.244.1.7")]));

        Assert.Equal("10.244.1.7", Assert.Single(subset.Addresses).Ip);
        Assert.Equal(8080, Assert.Single(subset.Ports).Port);
    }

    [Fact]
    public void For_NotReadyAndTerminatingPods_AreNotReadyAddresses()
    {
        var service = Service(new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080 });
        var notReady = Pod("p1", podIp: "10.0.0.1", ready: false);
        var starting = Pod("p2", podIp: "10.0.0.2", phase: "Pending");
        var terminating = Pod("p3", podIp: "10.0.0.3");
        terminating.Metadata.DeletionTimestamp = DateTime.UtcNow;

        var subsets = EndpointSubsets.For(service, [notReady, starting, terminating]);

        Assert.Equal(3, subsets.Count);
        Assert.All(subsets, s => Assert.Null(s.Addresses));
        Assert.Equal(["10.0.0.1", "10.0.0.2", "10.0.0.3"], subsets.Select(s => Assert.Single(s.NotReadyAddresses).Ip));
    }

    [Fact]
    public void For_PodsWithoutAddressOrResolvablePort_AreLeftOut()
    {
        var service = Service(new V1ServicePort { Name = "http", Port = 80, TargetPort = "web" });
        var noAddress = Pod("p1", podIp: null);
        var noSuchName = Pod("p2", podIp: "10.0.0.2");
        noSuchName.Spec.Containers[0].Ports = [new V1ContainerPort { Name = "other", ContainerPort = 8080 }];
        var notPublished = Pod("p3", published: "9090/TCP=127.0.0.1:40002");
        var finished = Pod("p4", podIp: "10.0.0.4", phase: "Succeeded");

        Assert.Empty(EndpointSubsets.For(service, [noAddress, noSuchName, notPublished, finished]));
    }

    [Fact]
    public void For_UnresolvablePortOfManyPorts_KeepsThePodWithTheOthers()
    {
        var service = Service(
            new V1ServicePort { Name = "http", Port = 80, TargetPort = "web" },
            new V1ServicePort { Name = "admin", Port = 81, TargetPort = "admin" });

        var subset = Assert.Single(EndpointSubsets.For(service, [Pod("p1", podIp: "10.0.0.1")]));

        Assert.Equal("http", Assert.Single(subset.Ports).Name);
    }

    [Fact]
    public void For_PodsInAnyOrder_GivesTheSameSubsets()
    {
        var service = Service(new V1ServicePort { Name = "http", Port = 80, TargetPort = "web" });
        V1Pod[] pods = [Pod("b", published: "8080/TCP=127.0.0.1:40002"), Pod("a", published: "8080/TCP=127.0.0.1:40001"), Pod("c", podIp: "10.0.0.9", ready: false)];

        var forward = EndpointSubsets.For(service, pods);
        var backward = EndpointSubsets.For(service, pods.Reverse());

        Assert.Equal(k8s.KubernetesJson.Serialize(forward), k8s.KubernetesJson.Serialize(backward));
        Assert.Equal(["a", "b", "c"], forward.Select(s => (s.Addresses ?? s.NotReadyAddresses).Single().TargetRef.Name));
    }

    private static V1Service Service(params V1ServicePort[] ports) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "team-a" },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = ports },
    };

    /// <summary>A pod of container <c>web</c> with port <c>web</c> = 8080; published on a node, or reached on its pod IP.</summary>
    private static V1Pod Pod(string name, string? published = null, string? podIp = "10.0.0.1", bool ready = true, string phase = "Running")
    {
        var pod = Objects.Pod(name, ownerUid: "", ready: ready, phase: phase);
        pod.Spec.Containers[0].Ports = [new V1ContainerPort { Name = "web", ContainerPort = 8080, Protocol = "TCP" }];
        pod.Status.PodIP = podIp;
        if (published is not null)
        {
            pod.Metadata.Annotations = new Dictionary<string, string> { [PublishedPorts.Annotation] = published };
        }

        return pod;
    }
}
