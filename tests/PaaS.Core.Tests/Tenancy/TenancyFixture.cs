using k8s.Models;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Tenancy;

/// <summary>Pods and limit ranges written as Kubernetes JSON, the way users write them.</summary>
internal static class TenancyFixture
{
    public static V1Pod Pod(string json) => (V1Pod)ObjectJson.ToModel(ResourceTypes.Pod, json);

    /// <summary>A pod whose containers are given as JSON array elements.</summary>
    public static V1Pod PodWith(string containers, string extraSpec = "", string phase = "")
    {
        var status = phase.Length > 0 ? $$""","status":{"phase":"{{phase}}"}""" : "";
        return Pod($$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"demo"},
             "spec":{ {{{extraSpec}}} "containers":[{{{containers}}}]}{{{status}}}}
            """);
    }

    public static V1LimitRange Range(string limits) =>
        (V1LimitRange)ObjectJson.ToModel(ResourceTypes.LimitRange,
            $$"""{"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"lr","namespace":"demo"},"spec":{"limits":[{{limits}}] } }""");

    public static string ResourcesJson(V1Container container) => ObjectJson.Serialize(container.Resources ?? new V1ResourceRequirements());
}
