using k8s.Models;
using PaaS.Core.Defaults;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Validation;

public sealed class TenancyDefaultsTests
{
    [Fact]
    public void Secret_StringDataMergedIntoDataAndCleared_StringDataWins()
    {
        var secret = (V1Secret)ObjectJson.ToModel(ResourceTypes.Secret, """
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"a":"b2xk","keep":"eA=="},"stringData":{"a":"new","é":"ü"}}
            """);

        ObjectDefaults.Apply(secret);

        var data = secret.Data.ToDictionary(d => d.Key, d => System.Text.Encoding.UTF8.GetString(d.Value));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "new", ["keep"] = "x", ["é"] = "ü" }, data);
        Assert.Equal([0xc3, 0xbc], secret.Data["é"]);
        Assert.Null(secret.StringData);
        Assert.Equal("Opaque", secret.Type);
    }

    [Fact]
    public void Secret_TypeGiven_Kept()
    {
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, Type = "kubernetes.io/tls" };

        ObjectDefaults.Apply(secret);

        Assert.Equal("kubernetes.io/tls", secret.Type);
        Assert.Null(secret.Data);
    }

    [Fact]
    public void Pod_LimitWithoutRequest_RequestDefaultsToLimit()
    {
        var pod = (V1Pod)ObjectJson.ToModel(ResourceTypes.Pod, """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{
              "containers":[{"name":"a","image":"i","resources":{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"200m"}}}],
              "initContainers":[{"name":"b","image":"i","resources":{"limits":{"memory":"64Mi"}}}]}}
            """);

        ObjectDefaults.Apply(pod);

        Assert.Equal("200m", pod.Spec.Containers[0].Resources.Requests["cpu"].ToString());
        Assert.Equal("1Gi", pod.Spec.Containers[0].Resources.Requests["memory"].ToString());
        Assert.Equal("64Mi", pod.Spec.InitContainers[0].Resources.Requests["memory"].ToString());
    }

    [Fact]
    public void DeploymentTemplate_LimitWithoutRequest_LeftAlone()
    {
        var deployment = (V1Deployment)ObjectJson.ToModel(ResourceTypes.Deployment, """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"selector":{"matchLabels":{"a":"b"}},
             "template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"a","image":"i","resources":{"limits":{"cpu":"1"}}}]}}}}
            """);

        ObjectDefaults.Apply(deployment);

        Assert.Null(deployment.Spec.Template.Spec.Containers[0].Resources.Requests);
    }

    [Fact]
    public void LimitRange_ContainerItem_DefaultsFromMaxThenDefaultThenMin()
    {
        var range = (V1LimitRange)ObjectJson.ToModel(ResourceTypes.LimitRange, """
            {"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"lr"},"spec":{"limits":[
              {"type":"Container","max":{"cpu":"2","memory":"1Gi"},"default":{"memory":"512Mi"},"min":{"ephemeral-storage":"1Gi"}},
              {"type":"Pod","max":{"cpu":"4"}}]}}
            """);

        ObjectDefaults.Apply(range);

        Assert.Equal(
            """[{"default":{"memory":"512Mi","cpu":"2"},"defaultRequest":{"memory":"512Mi","cpu":"2","ephemeral-storage":"1Gi"},"max":{"cpu":"2","memory":"1Gi"},"min":{"ephemeral-storage":"1Gi"},"type":"Container"},{"max":{"cpu":"4"},"type":"Pod"}]""",
            ObjectJson.ToJson(range)["spec"]!["limits"]!.ToJsonString());
    }
}
