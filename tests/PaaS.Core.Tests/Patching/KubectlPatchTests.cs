using System.Text.Json.Nodes;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

public class KubectlPatchTests
{
    public static TheoryData<string> CaseNames => new(KubectlPatchCases.All.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Apply_RecordedKubectlPatch_GivesWhatKubernetesGives(string name)
    {
        var recorded = KubectlPatchCases.All[name];
        var original = recorded.OriginalJson;

        var result = ObjectPatcher.Apply(recorded.ContentType, original, recorded.Body, recorded.Type);

        PatchAssert.Equal(recorded.ExpectedJson, result);
        Assert.Empty(DirectiveKeys(result));
        PatchAssert.Equal(recorded.Original, original);
    }

    [Fact]
    public void Apply_GuestbookSecondApply_ChangesEnvRemovesPortKeepsTheRest()
    {
        var result = Apply(KubectlPatchCases.ApplyGuestbookFrontend);

        var container = Assert.Single(result["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!.AsObject();
        PatchAssert.Equal("""[{"name":"GET_HOSTS_FROM","value":"env"}]""", container["env"]);
        Assert.False(container.ContainsKey("ports"));
        Assert.Equal("gcr.io/google-samples/gb-frontend:v5", (string?)container["image"]);
        Assert.Equal("IfNotPresent", (string?)container["imagePullPolicy"]);
        PatchAssert.Equal("""{"requests":{"cpu":"100m","memory":"100Mi"}}""", container["resources"]);
        Assert.Equal(3, (int?)result["spec"]!["replicas"]);
        Assert.Equal("RollingUpdate", (string?)result["spec"]!["strategy"]!["type"]);
        Assert.Equal(3, (int?)result["status"]!["readyReplicas"]);
        var lastApplied = (string?)result["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"];
        Assert.Contains("\"value\":\"env\"", lastApplied, StringComparison.Ordinal);
        Assert.DoesNotContain("containerPort", lastApplied, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_WebSecondApply_MergesEnvInManifestOrderAndDeletesRemovedItems()
    {
        var result = Apply(KubectlPatchCases.ApplyWebDeployment);

        var podSpec = result["spec"]!["template"]!["spec"]!;
        var app = Assert.Single(podSpec["containers"]!.AsArray())!;
        Assert.Equal("app", (string?)app["name"]);
        Assert.Equal("example/app:2", (string?)app["image"]);
        PatchAssert.Equal("""[{"name":"C","value":"3"},{"name":"A","value":"1"},{"name":"B","value":"20"}]""", app["env"]);
        PatchAssert.Equal("""[{"containerPort":8080,"name":"http","protocol":"TCP"}]""", app["ports"]);
        PatchAssert.Equal("""[{"name":"data","mountPath":"/data"}]""", app["volumeMounts"]);
        PatchAssert.Equal("""[{"name":"data","emptyDir":{}}]""", podSpec["volumes"]);
        PatchAssert.Equal("""{"app":"web"}""", result["metadata"]!["labels"]);
    }

    [Fact]
    public void Apply_ServiceSecondApply_DeletesPortByPortNumberKeepsServerFields()
    {
        var result = Apply(KubectlPatchCases.ApplyWebService);

        PatchAssert.Equal("""[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP"}]""", result["spec"]!["ports"]);
        Assert.Equal("10.96.0.20", (string?)result["spec"]!["clusterIP"]);
    }

    [Fact]
    public void Apply_StrategyAndVolumeSourceChange_RetainKeysDropsTheOldUnionMember()
    {
        var result = Apply(KubectlPatchCases.ApplyWebStrategyAndVolume);

        PatchAssert.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]);
        PatchAssert.Equal(
            """[{"name":"data","hostPath":{"path":"/srv/data"}},{"name":"cache","emptyDir":{}}]""",
            result["spec"]!["template"]!["spec"]!["volumes"]);
        PatchAssert.Equal("""["example.com/b","example.com/c"]""", result["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Apply_PodSecondApply_ReordersAndDeletesFinalizersAndReplacesTolerations()
    {
        var result = Apply(KubectlPatchCases.ApplyPodFinalizers);

        PatchAssert.Equal("""["example.com/c","example.com/b"]""", result["metadata"]!["finalizers"]);
        PatchAssert.Equal("""[{"key":"k2","operator":"Exists"}]""", result["spec"]!["tolerations"]);
        PatchAssert.Equal("""["sleep","2"]""", result["spec"]!["containers"]![0]!["args"]);
    }

    [Fact]
    public void Apply_ApplyReplacingAnEnvVar_KeepsTheVarSetEnvAddedWhereKubernetesKeepsIt()
    {
        var result = Apply(KubectlPatchCases.ApplyEnvBesideSetEnv);

        PatchAssert.Equal(
            """[{"name":"A","value":"1"},{"name":"S","value":"from set env"},{"name":"C","value":"3"}]""",
            result["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]);
    }

    [Fact]
    public void Apply_SetEnvOnAllContainers_MergesIntoEachContainer()
    {
        var result = Apply(KubectlPatchCases.SetEnvChangeAndAdd);

        var containers = result["spec"]!["template"]!["spec"]!["containers"]!;
        PatchAssert.Equal("""[{"name":"A","value":"1"},{"name":"B","value":"200"},{"name":"D","value":"4"}]""", containers[0]!["env"]);
        PatchAssert.Equal("""[{"name":"B","value":"200"},{"name":"D","value":"4"}]""", containers[1]!["env"]);
    }

    [Fact]
    public void Apply_EditDeletingAContainer_KeepsTheOtherContainersDefaults()
    {
        var result = Apply(KubectlPatchCases.EditImageEnvAndSidecar);

        var app = Assert.Single(result["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
        Assert.Equal("example/app:7", (string?)app["image"]);
        Assert.Equal("/dev/termination-log", (string?)app["terminationMessagePath"]);
        PatchAssert.Equal("""[{"name":"A","value":"1"},{"name":"B","value":"22"}]""", app["env"]);
    }

    [Fact]
    public void Apply_TaintRemovedByNull_RemovesTheWholeList()
    {
        var result = Apply(KubectlPatchCases.TaintRemove);

        Assert.False(result["spec"]!.AsObject().ContainsKey("taints"));
    }

    [Fact]
    public void Apply_ScaleSubresourceMergePatch_SetsReplicas()
    {
        // kubectl scale patches the autoscaling/v1 Scale of /scale with this merge patch, not the Deployment itself.
        var scale = PatchAssert.Object("""
            {"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web","namespace":"default"},
             "spec":{"replicas":2},"status":{"replicas":2,"selector":"app=web"}}
            """);

        var result = ObjectPatcher.Apply(ObjectPatcher.MergePatch, scale, """{"spec":{"replicas":5}}""", ResourceTypes.Deployment);

        Assert.Equal(5, (int?)result["spec"]!["replicas"]);
        Assert.Equal("app=web", (string?)result["status"]!["selector"]);
    }

    private static JsonObject Apply(KubectlPatchCase recorded) =>
        ObjectPatcher.Apply(recorded.ContentType, recorded.OriginalJson, recorded.Body, recorded.Type);

    private static List<string> DirectiveKeys(JsonNode? node) => node switch
    {
        JsonObject map => map.SelectMany(p => p.Key.StartsWith('$') ? [p.Key] : DirectiveKeys(p.Value)).ToList(),
        JsonArray list => list.SelectMany(DirectiveKeys).ToList(),
        _ => [],
    };
}
