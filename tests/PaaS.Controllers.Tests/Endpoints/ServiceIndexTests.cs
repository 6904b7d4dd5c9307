using PaaS.Controllers.Endpoints;
using PaaS.Core.Labels;

namespace PaaS.Controllers.Tests.Endpoints;

public class ServiceIndexTests
{
    [Fact]
    public void ServicesFor_Pod_IsTheServicesSelectingItNowOrBefore()
    {
        var index = new ServiceIndex();
        index.Set("team-a", "web", LabelSelector.Parse("app=web"), ["p1"]);
        index.Set("team-a", "api", LabelSelector.Parse("app=api"));
        index.Set("team-b", "web", LabelSelector.Parse("app=web"));

        Assert.Equal(["web"], index.ServicesFor("team-a", "p2", Labels("web")));
        // Relabelled from web to api: both must look again.
        Assert.Equal(["web", "api"], index.ServicesFor("team-a", "p1", Labels("api")));
        Assert.Empty(index.ServicesFor("team-a", "p3", Labels("db")));
        Assert.Empty(index.ServicesFor("team-c", "p1", Labels("web")));
    }

    [Fact]
    public void ServicesFor_ChangeWithoutLabels_IsEveryServiceOfTheNamespace()
    {
        var index = new ServiceIndex();
        index.Set("team-a", "web", LabelSelector.Parse("app=web"));
        index.Set("team-a", "api", LabelSelector.Parse("app=api"));
        index.Remove("team-a", "api");

        Assert.Equal(["web"], index.ServicesFor("team-a", "p1", labels: null));
    }

    private static Dictionary<string, string> Labels(string app) => new() { ["app"] = app };
}
