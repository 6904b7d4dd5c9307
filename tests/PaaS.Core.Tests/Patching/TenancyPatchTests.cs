using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

/// <summary>PATCH on the tenancy kinds: Team is served like a custom resource, the built-in kinds as Kubernetes tags them.</summary>
public sealed class TenancyPatchTests
{
    private const string Team =
        """{"apiVersion":"paas.dev/v1","kind":"Team","metadata":{"name":"t"},"spec":{"members":[{"name":"alice","role":"owner"}]}}""";

    [Fact]
    public void StrategicMerge_Team_RefusedAs415LikeACustomResource()
    {
        var error = Assert.Throws<PatchException>(() => ObjectPatcher.Apply(
            ObjectPatcher.StrategicMergePatch, PatchAssert.Object(Team), """{"spec":{"members":[{"name":"bob","role":"viewer"}]}}""", ResourceTypes.Team));

        Assert.Equal(415, error.StatusCode);
        Assert.Equal(
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
            error.Message);
    }

    [Fact]
    public void MergePatch_Team_ReplacesMembersList()
    {
        var result = ObjectPatcher.Apply(
            ObjectPatcher.MergePatch, PatchAssert.Object(Team), """{"spec":{"members":[{"name":"bob","role":"viewer"}]}}""", ResourceTypes.Team);

        PatchAssert.Equal("""[{"name":"bob","role":"viewer"}]""", result["spec"]!["members"]);
    }

    [Fact]
    public void JsonPatch_Team_AppendsMember()
    {
        var result = ObjectPatcher.Apply(
            ObjectPatcher.JsonPatch, PatchAssert.Object(Team), """[{"op":"add","path":"/spec/members/-","value":{"name":"bob","role":"viewer"}}]""", ResourceTypes.Team);

        PatchAssert.Equal("""[{"name":"alice","role":"owner"},{"name":"bob","role":"viewer"}]""", result["spec"]!["members"]);
    }

    [Fact]
    public void AcceptedMediaTypes_BuiltInKindsKeepStrategicMerge()
    {
        Assert.Contains(ObjectPatcher.StrategicMergePatch, ObjectPatcher.AcceptedMediaTypes(ResourceTypes.LimitRange));
        Assert.DoesNotContain(ObjectPatcher.StrategicMergePatch, ObjectPatcher.AcceptedMediaTypes(ResourceTypes.Team));
    }

    [Fact]
    public void StrategicMerge_LimitRangeLimits_AtomicListReplaced()
    {
        var range = """{"metadata":{"name":"lr"},"spec":{"limits":[{"type":"Container","max":{"cpu":"1"}},{"type":"Pod","max":{"cpu":"4"}}]}}""";

        var result = ObjectPatcher.Apply(
            ObjectPatcher.StrategicMergePatch, PatchAssert.Object(range), """{"spec":{"limits":[{"type":"Container","max":{"cpu":"2"}}]}}""", ResourceTypes.LimitRange);

        // LimitRangeSpec.limits has no patchStrategy tag in k8s.io/api: the patch's list replaces the stored one.
        PatchAssert.Equal("""[{"type":"Container","max":{"cpu":"2"}}]""", result["spec"]!["limits"]);
    }

    [Fact]
    public void StrategicMerge_ResourceQuotaHard_MergesByResourceName()
    {
        var quota = """{"metadata":{"name":"q"},"spec":{"hard":{"pods":"10","requests.cpu":"2"}}}""";

        var result = ObjectPatcher.Apply(
            ObjectPatcher.StrategicMergePatch, PatchAssert.Object(quota), """{"spec":{"hard":{"pods":"20","services":"5"}}}""", ResourceTypes.ResourceQuota);

        PatchAssert.Equal("""{"pods":"20","requests.cpu":"2","services":"5"}""", result["spec"]!["hard"]);
    }

    [Fact]
    public void StrategicMerge_ConfigMapData_MergesKeysAndDeletesWithNull()
    {
        var configMap = """{"metadata":{"name":"c"},"data":{"a":"1","b":"2"}}""";

        var result = ObjectPatcher.Apply(
            ObjectPatcher.StrategicMergePatch, PatchAssert.Object(configMap), """{"data":{"a":null,"c":"3"}}""", ResourceTypes.ConfigMap);

        PatchAssert.Equal("""{"b":"2","c":"3"}""", result["data"]);
    }
}
