using PaaS.Cli.Parsing;

namespace PaaS.Cli.Tests.Parsing;

public sealed class QuotaAssignmentsTests
{
    [Fact]
    public void Parse_ValidAssignments_KeepsOrderAndText()
    {
        var result = QuotaAssignments.Parse(["pods=10", "requests.cpu=1500m", "limits.memory=8Gi", "count/deployments.apps=5"]);

        Assert.Equal(
            [new("pods", "10"), new("requests.cpu", "1500m"), new("limits.memory", "8Gi"), new("count/deployments.apps", "5")],
            result);
    }

    [Theory]
    [InlineData("pods", "invalid quota \"pods\": expected RESOURCE=QUANTITY")]
    [InlineData("pods=", "invalid quota \"pods=\": expected RESOURCE=QUANTITY")]
    [InlineData("=10", "invalid quota \"=10\": expected RESOURCE=QUANTITY")]
    [InlineData("pods=ten", "invalid quantity \"ten\" for pods")]
    [InlineData("pods=-1", "invalid quantity \"-1\" for pods")]
    [InlineData("requests.cpu=4 cores", "invalid quantity \"4 cores\" for requests.cpu")]
    [InlineData("Pods=1", "invalid resource name \"Pods\"")]
    public void Parse_Invalid_IsUsageErrorNamingTheArgument(string argument, string message)
    {
        var ex = Assert.ThrowsAny<CliException>(() => QuotaAssignments.Parse(["services=2", argument]));

        Assert.Equal(ExitCodes.Usage, ex.ExitCode);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateOrNone_IsUsageError()
    {
        Assert.Equal("pods is given more than once", Assert.ThrowsAny<CliException>(() => QuotaAssignments.Parse(["pods=1", "pods=2"])).Message);
        Assert.StartsWith("no quota given", Assert.ThrowsAny<CliException>(() => QuotaAssignments.Parse([])).Message, StringComparison.Ordinal);
    }
}
