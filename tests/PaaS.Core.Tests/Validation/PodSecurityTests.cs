using k8s.Models;
using PaaS.Core.Validation;

namespace PaaS.Core.Tests.Validation;

public sealed class PodSecurityTests
{
    [Fact]
    public void AnOrdinaryPod_IsAllowed_WithSafeCapabilitiesAdded()
    {
        var spec = Spec();
        spec.Containers[0].SecurityContext = new V1SecurityContext { Capabilities = new V1Capabilities { Add = ["NET_BIND_SERVICE"], Drop = ["ALL"] } };
        spec.Volumes = [new V1Volume { Name = "scratch", EmptyDir = new V1EmptyDirVolumeSource() }];
        Assert.Empty(PodSecurity.Violations(spec));
    }

    [Fact]
    public void Privileged_NamesTheContainerAndItsField()
    {
        var spec = Spec();
        spec.InitContainers = [new V1Container { Name = "setup", Image = "i", SecurityContext = new V1SecurityContext { Privileged = true } }];
        Assert.Equal(["privileged (container \"setup\" must not set spec.initContainers[0].securityContext.privileged=true)"], PodSecurity.Violations(spec));
    }

    [Fact]
    public void HostNamespaces_HostPath_HostPort_AndCapabilities_AreEachNamed()
    {
        var spec = Spec();
        spec.HostNetwork = true;
        spec.HostPID = true;
        spec.Volumes = [new V1Volume { Name = "scratch", EmptyDir = new V1EmptyDirVolumeSource() }, new V1Volume { Name = "root", HostPath = new V1HostPathVolumeSource { Path = "/" } }];
        spec.Containers[0].Ports = [new V1ContainerPort { ContainerPort = 80, HostPort = 8080 }];
        spec.Containers[0].SecurityContext = new V1SecurityContext { Capabilities = new V1Capabilities { Add = ["SYS_ADMIN", "CHOWN"] } };
        Assert.Equal(
        [
            "host namespaces (spec.hostNetwork=true, spec.hostPID=true)",
            "hostPath volumes (volume \"root\" (spec.volumes[1].hostPath))",
            "hostPort (container \"app\" uses spec.containers[0].ports[0].hostPort=8080)",
            "non-default capabilities (container \"app\" must not include \"SYS_ADMIN\" in spec.containers[0].securityContext.capabilities.add)",
        ], PodSecurity.Violations(spec));
    }

    private static V1PodSpec Spec() => new() { Containers = [new V1Container { Name = "app", Image = "paas/hello:1" }] };
}
