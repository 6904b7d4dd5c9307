using System.Text.Json.Nodes;
using PaaS.Core.OpenApi;
using PaaS.Core.Resources;
using PaaS.Core.Serialization;

namespace PaaS.Core.Tests.OpenApi;

public class UnknownFieldsTests
{
    [Fact]
    public void Find_ValidDeployment_ReturnsEmpty()
    {
        Assert.Empty(UnknownFields.Find(ResourceTypes.Deployment, Deployment()));
    }

    [Fact]
    public void Find_MisspelledTeamFields_ReportedLikeBuiltInKinds()
    {
        var team = JsonNode.Parse("""
            {"apiVersion":"paas.dev/v1","kind":"Team","metadata":{"name":"t"},
             "spec":{"members":[{"name":"alice","rol":"owner"}],"quota":{"hard":{"pods":"1"},"hardd":{}}}}
            """)!.AsObject();

        Assert.Equal(["spec.members[0].rol", "spec.quota.hardd"], UnknownFields.Find(ResourceTypes.Team, team).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_MisspelledTopLevelField_ReturnsIt()
    {
        var obj = Deployment();
        obj["specc"] = new JsonObject();

        Assert.Equal(["specc"], UnknownFields.Find(ResourceTypes.Deployment, obj));
    }

    [Fact]
    public void Find_MisspelledNestedField_ReturnsDottedPath()
    {
        var obj = Deployment();
        obj["spec"]!["replicass"] = 3;
        obj["spec"]!["template"]!["metadata"]!["namee"] = "x";

        Assert.Equal(["spec.template.metadata.namee", "spec.replicass"], UnknownFields.Find(ResourceTypes.Deployment, obj));
    }

    [Fact]
    public void Find_MisspelledFieldInListItem_ReturnsIndexedPath()
    {
        var obj = Deployment();
        obj["spec"]!["template"]!["spec"]!["containers"]![0]!["imagee"] = "nginx";
        obj["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPortt"] = 80;

        Assert.Equal(
            ["spec.template.spec.containers[0].ports[0].containerPortt", "spec.template.spec.containers[0].imagee"],
            UnknownFields.Find(ResourceTypes.Deployment, obj));
    }

    [Fact]
    public void Find_MisspelledFieldInMapValueOfModelType_ReturnsIt()
    {
        var node = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"n"},
             "status":{"capacity":{"cpu":"4"},"daemonEndpoints":{"kubeletEndpoint":{"Port":10250,"portt":1}}}}
            """)!.AsObject();
        var pod = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":"1"}}}],
                     "overhead":{"cpu":"1"}}}
            """)!.AsObject();

        Assert.Equal(["status.daemonEndpoints.kubeletEndpoint.portt"], UnknownFields.Find(ResourceTypes.Node, node));
        Assert.Empty(UnknownFields.Find(ResourceTypes.Pod, pod));
    }

    [Fact]
    public void Find_LabelsAnnotationsAndSelectorKeys_AreNotFields()
    {
        var obj = Deployment();
        obj["metadata"]!["labels"]!["anything.example.com/at-all"] = "x";
        obj["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = "{}" };
        obj["spec"]!["selector"]!["matchLabels"]!["whatever"] = "y";
        obj["spec"]!["template"]!["spec"]!["nodeSelector"] = new JsonObject { ["disk"] = "ssd" };

        Assert.Empty(UnknownFields.Find(ResourceTypes.Deployment, obj));
    }

    [Fact]
    public void Find_GuestbookFixtureObjects_ReturnsEmpty()
    {
        var documents = YamlJson.ToJsonDocuments(File.ReadAllText(Fixture("manifests/guestbook-all-in-one.yaml")));

        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            var obj = document!.AsObject();
            var type = ResourceTypes.FindByKind((string)obj["apiVersion"]!, (string)obj["kind"]!);
            Assert.NotNull(type);
            Assert.Empty(UnknownFields.Find(type, obj));
        }
    }

    private static JsonObject Deployment() => JsonNode.Parse("""
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {"name": "web", "labels": {"app": "web"}},
          "spec": {
            "replicas": 2,
            "selector": {"matchLabels": {"app": "web"}},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
            "template": {
              "metadata": {"labels": {"app": "web"}},
              "spec": {
                "containers": [{
                  "name": "web",
                  "image": "nginx",
                  "ports": [{"containerPort": 80}],
                  "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}},
                  "env": [{"name": "A", "value": "b"}]
                }]
              }
            }
          }
        }
        """)!.AsObject();

    // The fixtures live beside the repository, so the path is found from the folder holding PaaS.sln.
    private static string Fixture(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PaaS.sln")))
            {
                return Path.Combine(directory.FullName, "..", "shared", "fixtures", relative);
            }
        }

        throw new InvalidOperationException("PaaS.sln not found above " + AppContext.BaseDirectory);
    }
}
