using System.Text.Json.Nodes;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

/// <summary>
/// Which lists strategic merge patch merges, by which key, and in what order the result comes. Every expectation
/// (order of merged lists included) is what <c>kubectl patch --local --type=strategic</c>, i.e. Kubernetes' own
/// implementation, returned for the same input,
/// except where a test says it departs from Kubernetes on purpose.
/// </summary>
public class StrategicMergeListTests
{
    private const string ThreeContainers =
        """{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"},{"name":"c","image":"c:1"}]}}""";

    private const string ThreeEnv =
        """{"spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"C","value":"3"}]}]}}""";

    [Fact]
    public void Apply_ContainersByName_MergesMatchAndInsertsNewBeforeLaterServerItems()
    {
        var result = Pod(ThreeContainers, """{"spec":{"containers":[{"name":"b","image":"b:2"},{"name":"d","image":"d:1"}]}}""");

        PatchAssert.Equal(
            """[{"name":"a","image":"a:1"},{"name":"b","image":"b:2"},{"name":"d","image":"d:1"},{"name":"c","image":"c:1"}]""",
            result["spec"]!["containers"]);
    }

    [Fact]
    public void Apply_ListWithoutSetElementOrder_PutsPatchedItemsInPatchOrder()
    {
        var result = Pod(ThreeEnv, """{"spec":{"containers":[{"name":"app","env":[{"name":"C","value":"30"},{"name":"A","value":"10"}]}]}}""");

        PatchAssert.Equal("""[{"name":"B","value":"2"},{"name":"C","value":"30"},{"name":"A","value":"10"}]""", result["spec"]!["containers"]![0]!["env"]);
    }

    [Fact]
    public void Apply_FinalizersInPatch_MergeAsAnOrderedUnion()
    {
        var result = Pod("""{"metadata":{"finalizers":["x/a","x/b"]}}""", """{"metadata":{"finalizers":["x/c","x/a"]}}""");

        PatchAssert.Equal("""["x/c","x/a","x/b"]""", result["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Apply_TolerationsHaveNoMergeKey_AreReplaced()
    {
        var result = Pod(
            """{"spec":{"tolerations":[{"key":"k1","operator":"Exists"},{"key":"k2","operator":"Exists"}]}}""",
            """{"spec":{"tolerations":[{"key":"k3","operator":"Exists"}]}}""");

        PatchAssert.Equal("""[{"key":"k3","operator":"Exists"}]""", result["spec"]!["tolerations"]);
    }

    [Fact]
    public void Apply_ContainerPorts_MergeByContainerPort()
    {
        var result = Pod(
            """{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"name":"http"},{"containerPort":443,"name":"https"}]}]}}""",
            """{"spec":{"containers":[{"name":"a","ports":[{"containerPort":443,"name":"tls"},{"containerPort":8080}]}]}}""");

        PatchAssert.Equal(
            """[{"containerPort":80,"name":"http"},{"containerPort":443,"name":"tls"},{"containerPort":8080}]""",
            result["spec"]!["containers"]![0]!["ports"]);
    }

    [Fact]
    public void Apply_OwnerReferences_MergeByUid()
    {
        var result = Pod(
            """{"metadata":{"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs1","uid":"u1"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"u1","controller":true},{"apiVersion":"v1","kind":"Node","name":"n","uid":"u2"}]}}""");

        PatchAssert.Equal(
            """[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs1","uid":"u1","controller":true},{"apiVersion":"v1","kind":"Node","name":"n","uid":"u2"}]""",
            result["metadata"]!["ownerReferences"]);
    }

    [Fact]
    public void Apply_StatusConditions_MergeByType()
    {
        var result = Pod(
            """{"status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"False"}]}}""",
            """{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}""");

        PatchAssert.Equal(
            """{"phase":"Running","conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"True"}]}""",
            result["status"]);
    }

    [Fact]
    public void Apply_OtherPodSpecLists_MergeByTheirKeys()
    {
        var result = Pod(
            """
            {"spec":{"containers":[{"name":"a","image":"a:1","volumeMounts":[{"name":"v","mountPath":"/v"}]}],"initContainers":[{"name":"i","image":"i:1"}],
             "hostAliases":[{"ip":"10.0.0.1","hostnames":["a"]}],"imagePullSecrets":[{"name":"s1"}],
             "topologySpreadConstraints":[{"topologyKey":"zone","maxSkew":1,"whenUnsatisfiable":"DoNotSchedule"}]}}
            """,
            """
            {"spec":{"containers":[{"name":"a","volumeMounts":[{"mountPath":"/v","readOnly":true},{"name":"w","mountPath":"/w"}]}],"initContainers":[{"name":"i","image":"i:2"}],
             "hostAliases":[{"ip":"10.0.0.2","hostnames":["b"]}],"imagePullSecrets":[{"name":"s2"}],"topologySpreadConstraints":[{"topologyKey":"zone","maxSkew":2}]}}
            """);

        PatchAssert.Equal(
            """
            {"containers":[{"name":"a","image":"a:1","volumeMounts":[{"name":"v","mountPath":"/v","readOnly":true},{"name":"w","mountPath":"/w"}]}],
             "initContainers":[{"name":"i","image":"i:2"}],"hostAliases":[{"ip":"10.0.0.2","hostnames":["b"]},{"ip":"10.0.0.1","hostnames":["a"]}],
             "imagePullSecrets":[{"name":"s2"},{"name":"s1"}],"topologySpreadConstraints":[{"topologyKey":"zone","maxSkew":2,"whenUnsatisfiable":"DoNotSchedule"}]}
            """,
            result["spec"]);
    }

    [Fact]
    public void Apply_FieldsWithoutPatchStrategy_ReplaceListsAndMergeMaps()
    {
        var result = Pod(
            """{"spec":{"containers":[{"name":"a","args":["x","y"]}],"nodeSelector":{"a":"1"}}}""",
            """{"spec":{"containers":[{"name":"a","args":["z"]}],"nodeSelector":{"b":"2"}}}""");

        PatchAssert.Equal("""{"containers":[{"name":"a","args":["z"]}],"nodeSelector":{"a":"1","b":"2"}}""", result["spec"]);
    }

    [Fact]
    public void Apply_DeploymentTemplate_SharesThePodSpecSchema()
    {
        // Without $setElementOrder a new item goes before the server's items that the patch does not name, as in Kubernetes.
        var result = StrategicMerge(
            ResourceTypes.Deployment,
            """{"spec":{"template":{"spec":{"containers":[{"name":"a","env":[{"name":"X","value":"1"}]}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"a","env":[{"name":"Y","value":"2"}]}]}}}}""");

        PatchAssert.Equal("""[{"name":"Y","value":"2"},{"name":"X","value":"1"}]""", result["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]);
    }

    [Fact]
    public void Apply_NodeLists_MergePodCidrsAsSetAndAddressesByType()
    {
        var result = StrategicMerge(
            ResourceTypes.Node,
            """{"spec":{"podCIDRs":["10.0.0.0/24"]},"status":{"addresses":[{"type":"InternalIP","address":"1.1.1.1"},{"type":"Hostname","address":"n"}]}}""",
            """{"spec":{"podCIDRs":["10.0.1.0/24"]},"status":{"addresses":[{"type":"Hostname","address":"m"}]}}""");

        PatchAssert.Equal(
            """{"spec":{"podCIDRs":["10.0.1.0/24","10.0.0.0/24"]},"status":{"addresses":[{"type":"InternalIP","address":"1.1.1.1"},{"type":"Hostname","address":"m"}]}}""",
            result);
    }

    [Fact]
    public void Apply_ServicePorts_MergeByPort()
    {
        var result = StrategicMerge(
            ResourceTypes.Service,
            """{"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}]}}""",
            """{"spec":{"ports":[{"port":80,"targetPort":9090}]}}""");

        PatchAssert.Equal("""[{"port":80,"targetPort":9090},{"port":443}]""", result["spec"]!["ports"]);
    }

    [Fact]
    public void Apply_EndpointsSubsets_AreReplaced()
    {
        var result = StrategicMerge(
            ResourceTypes.Endpoints,
            """{"subsets":[{"addresses":[{"ip":"10.0.0.1"}],"ports":[{"port":80}]}]}""",
            """{"subsets":[{"addresses":[{"ip":"10.0.0.2"}],"ports":[{"port":80}]}]}""");

        PatchAssert.Equal("""[{"addresses":[{"ip":"10.0.0.2"}],"ports":[{"port":80}]}]""", result["subsets"]);
    }

    private static JsonObject Pod(string original, string patch) => StrategicMerge(ResourceTypes.Pod, original, patch);

    private static JsonObject StrategicMerge(ResourceType type, string original, string patch) =>
        ObjectPatcher.Apply(ObjectPatcher.StrategicMergePatch, PatchAssert.Object(original), patch, type);
}
