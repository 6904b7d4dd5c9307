using System.Text.Json.Nodes;

namespace PaaS.ApiServer.Tests.Infrastructure;

internal static class Manifests
{
    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    public static JsonObject Deployment(string name, int replicas = 1, string image = "paas/hello:1") => (JsonObject)JsonNode.Parse($$"""
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": { "name": "{{name}}", "labels": { "app": "{{name}}" } },
          "spec": {
            "replicas": {{replicas}},
            "selector": { "matchLabels": { "app": "{{name}}" } },
            "template": {
              "metadata": { "labels": { "app": "{{name}}" } },
              "spec": { "containers": [ { "name": "web", "image": "{{image}}", "ports": [ { "containerPort": 8080 } ],
                "resources": { "requests": { "cpu": "100m", "memory": "64Mi" }, "limits": { "cpu": "0.5", "memory": "128Mi" } } } ] }
            }
          }
        }
        """)!;

    public static JsonObject Pod(string name, string? nodeName = null) => (JsonObject)JsonNode.Parse($$"""
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": { "name": "{{name}}" },
          "spec": { {{(nodeName is null ? "" : $"\"nodeName\": \"{nodeName}\",")}} "containers": [ { "name": "app", "image": "paas/busybox:1", "command": ["sleep", "3600"] } ] }
        }
        """)!;

    /// <summary>A pod with one container requesting <paramref name="cpu"/> (request and limit) and 64Mi.</summary>
    public static JsonObject PodWithResources(string name, string cpu) => (JsonObject)JsonNode.Parse($$"""
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": { "name": "{{name}}" },
          "spec": { "containers": [ { "name": "app", "image": "paas/busybox:1", "command": ["sleep", "3600"],
            "resources": { "requests": { "cpu": "{{cpu}}", "memory": "64Mi" }, "limits": { "cpu": "{{cpu}}", "memory": "64Mi" } } } ] }
        }
        """)!;

    public static JsonObject ConfigMap(string name, string key, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["data"] = new JsonObject { [key] = value },
    };

    public static JsonObject Secret(string name, string key, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["stringData"] = new JsonObject { [key] = value },
    };

    public static JsonObject Service(string name) => (JsonObject)JsonNode.Parse($$"""
        { "apiVersion": "v1", "kind": "Service", "metadata": { "name": "{{name}}" },
          "spec": { "selector": { "app": "{{name}}" }, "ports": [ { "port": 80, "targetPort": 8080 } ] } }
        """)!;

    /// <summary>One object of every namespaced kind the API serves, keyed by the resource's URL path (<c>api/v1/pods</c>).</summary>
    public static IReadOnlyList<(string Path, JsonObject Body)> OneOfEveryNamespacedKind(string name) =>
    [
        ("api/v1/pods", Pod(name)),
        ("api/v1/services", Service(name)),
        ("api/v1/endpoints", (JsonObject)JsonNode.Parse($$"""{ "apiVersion": "v1", "kind": "Endpoints", "metadata": { "name": "{{name}}" }, "subsets": [] }""")!),
        ("api/v1/events", (JsonObject)JsonNode.Parse($$"""{ "apiVersion": "v1", "kind": "Event", "metadata": { "name": "{{name}}" }, "involvedObject": { "kind": "Pod", "name": "{{name}}" }, "reason": "Test", "message": "secret-free", "type": "Normal" }""")!),
        ("api/v1/configmaps", ConfigMap(name, "k", "v")),
        ("api/v1/secrets", Secret(name, "password", "s3cr3t-" + name)),
        ("api/v1/resourcequotas", (JsonObject)JsonNode.Parse($$"""{ "apiVersion": "v1", "kind": "ResourceQuota", "metadata": { "name": "{{name}}" }, "spec": { "hard": { "pods": "100" } } }""")!),
        ("api/v1/limitranges", (JsonObject)JsonNode.Parse($$"""{ "apiVersion": "v1", "kind": "LimitRange", "metadata": { "name": "{{name}}" }, "spec": { "limits": [ { "type": "Container", "max": { "cpu": "4" } } ] } }""")!),
        ("apis/apps/v1/deployments", Deployment(name)),
        ("apis/apps/v1/replicasets", (JsonObject)JsonNode.Parse(Deployment(name).ToJsonString().Replace("\"Deployment\"", "\"ReplicaSet\"", StringComparison.Ordinal))!),
        ("apis/coordination.k8s.io/v1/leases", (JsonObject)JsonNode.Parse($$"""{ "apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": { "name": "{{name}}" }, "spec": { "holderIdentity": "x" } }""")!),
    ];

    /// <summary>The repository's root (the folder holding PaaS.sln).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaaS.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PaaS.sln not found above " + AppContext.BaseDirectory);
    }
}
