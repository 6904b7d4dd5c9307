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
