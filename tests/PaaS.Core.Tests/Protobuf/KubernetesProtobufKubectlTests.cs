using PaaS.Core.Protobuf;

namespace PaaS.Core.Tests.Protobuf;

/// <summary>Decodes bodies that kubectl 1.32 really sent and compares them with the JSON kubectl writes for the same command.</summary>
public sealed class KubernetesProtobufKubectlTests
{
    public static TheoryData<string> Captures => [.. KubectlCaptures.ByName.Keys];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Decode_KubectlCapture_EqualsKubectlJson(string capture)
    {
        var recorded = KubectlCaptures.ByName[capture];

        var json = KubernetesProtobuf.Decode(recorded.Bytes);

        JsonAssert.Equal(recorded.ExpectedJson, json);
    }

    [Fact]
    public void Decode_CreateNamespace_HasTypeMetaAndNoZeroTimestamp()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.Namespace.Bytes);

        Assert.Equal("v1", (string?)json["apiVersion"]);
        Assert.Equal("Namespace", (string?)json["kind"]);
        Assert.Equal("demo", (string?)json["metadata"]!["name"]);
        // kubectl sends creationTimestamp as an empty Time message; it must not turn into 0001-01-01 or 1970.
        Assert.False(json["metadata"]!.AsObject().ContainsKey("creationTimestamp"));
    }

    [Fact]
    public void Decode_CreateDeploymentWithZeroReplicas_KeepsReplicasZero()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.Deployment.Bytes);

        var spec = json["spec"]!;
        Assert.Equal(0, (int?)spec["replicas"]);
        Assert.Equal("web", (string?)spec["selector"]!["matchLabels"]!["app"]);
        var container = spec["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("paas/hello:1", (string?)container["image"]);
        Assert.Equal(8080, (int?)container["ports"]![0]!["containerPort"]);
        // hostPort is a non-pointer omitempty int32: gogo sends 0, Go's JSON leaves it out.
        Assert.False(container["ports"]![0]!.AsObject().ContainsKey("hostPort"));
        Assert.Equal("demo", (string?)json["metadata"]!["namespace"]);
    }

    [Fact]
    public void Decode_CreateDeploymentWithTwoImages_ListsBothContainersInOrder()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.DeploymentTwoImages.Bytes);

        var containers = json["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["a", "b"], containers.Select(c => (string?)c!["name"]));
        Assert.Equal(1, (int?)json["spec"]!["replicas"]);
    }

    [Fact]
    public void Decode_CreateServiceClusterIp_TargetPortIsNumber()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.ServiceClusterIp.Bytes);

        var port = json["spec"]!["ports"]![0]!;
        Assert.Equal("8080", port["targetPort"]!.ToJsonString());
        Assert.Equal(80, (int?)port["port"]);
        Assert.Equal("TCP", (string?)port["protocol"]);
        Assert.Equal("ClusterIP", (string?)json["spec"]!["type"]);
        Assert.False(port.AsObject().ContainsKey("nodePort"));
    }

    [Fact]
    public void Decode_CreateServiceLoadBalancerWithNamedPort_TargetPortIsString()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.ServiceLoadBalancer.Bytes);

        Assert.Equal("\"http\"", json["spec"]!["ports"]![0]!["targetPort"]!.ToJsonString());
        Assert.Equal("LoadBalancer", (string?)json["spec"]!["type"]);
    }

    [Fact]
    public void Decode_CreateSecretGeneric_DataIsBase64()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.SecretGeneric.Bytes);

        Assert.Equal(Convert.ToBase64String("b"u8), (string?)json["data"]!["a"]);
    }

    [Fact]
    public void Decode_CreateConfigMapFromBinaryFile_BinaryDataIsBase64()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.ConfigMapFromFiles.Bytes);

        Assert.Equal(Convert.ToBase64String(new byte[] { 0x00, 0x01, 0xfe, 0xff }), (string?)json["binaryData"]!["bin.dat"]);
        Assert.Equal("hello\n", (string?)json["data"]!["text.txt"]);
    }

    [Fact]
    public void Decode_AuthCanI_HasResourceAttributes()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.AuthCanI.Bytes);

        var attributes = json["spec"]!["resourceAttributes"]!;
        Assert.Equal("create", (string?)attributes["verb"]);
        Assert.Equal("apps", (string?)attributes["group"]);
        Assert.Equal("deployments", (string?)attributes["resource"]);
        Assert.Equal("demo", (string?)attributes["namespace"]);
    }

    [Fact]
    public void Decode_DebugCopyPod_InlinesVolumeSourcesAndProbeHandlers()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.DebugCopyPod.Bytes);

        var spec = json["spec"]!;
        Assert.Equal("creds", (string?)spec["volumes"]![5]!["secret"]!["secretName"]);
        Assert.Equal("/healthz", (string?)spec["containers"]![0]!["livenessProbe"]!["httpGet"]!["path"]);
        // terminationGracePeriodSeconds is a pointer: a sent 0 means "kill at once", not "unset".
        Assert.Equal(0, (long?)spec["terminationGracePeriodSeconds"]);
        Assert.Equal("settings", (string?)spec["containers"]![0]!["envFrom"]![0]!["configMapRef"]!["name"]);
    }
}
