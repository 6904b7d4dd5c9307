using System.Text.Json;
using PaaS.Core.Serialization;

namespace PaaS.Core.Tests.Serialization;

public class YamlJsonGuestbookTests
{
    private static readonly string GuestbookPath = Path.Combine(
        RepositoryRoot(), "..", "shared", "fixtures", "manifests", "guestbook-all-in-one.yaml");

    [Fact]
    public void ToJsonDocuments_GuestbookManifest_YieldsSixObjectsWithKinds()
    {
        var documents = YamlJson.ToJsonDocuments(File.ReadAllText(GuestbookPath));

        Assert.Equal(
            ["Service", "Deployment", "Service", "Deployment", "Service", "Deployment"],
            documents.Select(d => d!["kind"]!.GetValue<string>()));
        Assert.Equal(
            ["redis-master", "redis-master", "redis-replica", "redis-replica", "frontend", "frontend"],
            documents.Select(d => d!["metadata"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void ToJsonDocuments_GuestbookManifest_KeepsNumbersAndStringsTyped()
    {
        var documents = YamlJson.ToJsonDocuments(File.ReadAllText(GuestbookPath));
        var deployments = documents.Where(d => d!["kind"]!.GetValue<string>() == "Deployment").ToList();

        Assert.Equal([1, 2, 3], deployments.Select(d => d!["spec"]!["replicas"]!.GetValue<int>()));
        Assert.All(deployments, d => Assert.Equal(JsonValueKind.Number, d!["spec"]!["replicas"]!.GetValueKind()));

        var container = deployments[0]!["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("registry.k8s.io/redis:e2e", container["image"]!.GetValue<string>());
        Assert.Equal("100m", container["resources"]!["requests"]!["cpu"]!.GetValue<string>());
        Assert.Equal("100Mi", container["resources"]!["requests"]!["memory"]!.GetValue<string>());
        Assert.Equal(6379, container["ports"]![0]!["containerPort"]!.GetValue<int>());
        Assert.Equal("apps/v1", deployments[0]!["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public void ToJsonDocuments_GuestbookManifest_CommentsLeaveNoTrace()
    {
        var documents = YamlJson.ToJsonDocuments(File.ReadAllText(GuestbookPath));
        var frontendService = documents[4]!;

        Assert.Equal("NodePort", frontendService["spec"]!["type"]!.GetValue<string>());
        Assert.Equal(
            "{\"name\":\"GET_HOSTS_FROM\",\"value\":\"dns\"}",
            documents[3]!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]![0]!.ToJsonString());
        Assert.DoesNotContain("#", string.Concat(documents.Select(d => d!.ToJsonString())), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_GuestbookManifest_RejectsMultipleDocuments()
    {
        var exception = Assert.Throws<FormatException>(() => YamlJson.ToJson(File.ReadAllText(GuestbookPath)));

        Assert.Equal("expected a single YAML document", exception.Message);
    }

    // The fixtures live beside the repository, so the path is found from the folder holding PaaS.sln.
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PaaS.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PaaS.sln not found above " + AppContext.BaseDirectory);
    }
}
