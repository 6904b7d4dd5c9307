using System.Text.Json.Nodes;
using PaaS.Cli.Output;

namespace PaaS.Cli.Tests.Output;

public sealed class YamlTextTests
{
    [Fact]
    public void FromJson_KeepsTypes_QuotesNumericStrings()
    {
        var yaml = YamlText.FromJson(JsonNode.Parse("""{"kind":"Team","spec":{"quota":{"hard":{"pods":"100","requests.cpu":"1500m"}}},"admin":false,"count":3,"expiresAt":null}"""));

        Assert.Contains("kind: Team", yaml, StringComparison.Ordinal);
        Assert.Contains("pods: \"100\"", yaml, StringComparison.Ordinal);
        Assert.Contains("requests.cpu: 1500m", yaml, StringComparison.Ordinal);
        Assert.Contains("admin: false", yaml, StringComparison.Ordinal);
        Assert.Contains("count: 3", yaml, StringComparison.Ordinal);
    }
}
