using PaaS.Cli.Output;

namespace PaaS.Cli.Tests.Output;

public sealed class QuotaBarTests
{
    [Theory]
    [InlineData(7, 12, 12, "[#######-----] 58%")]
    [InlineData(0, 10, 10, "[----------] 0%")]
    [InlineData(10, 10, 10, "[##########] 100%")]
    [InlineData(9.99, 10, 10, "[#########-] 99%")]
    [InlineData(15, 10, 10, "[##########] 150%")]
    [InlineData(1.5, 8, 20, "[###-----------------] 18%")]
    [InlineData(0, 0, 4, "[----] 0%")]
    [InlineData(1, 0, 4, "[####] 100%")]
    public void Render_UsedOfHard_DrawsBarAndFlooredPercent(decimal used, decimal hard, int width, string expected) =>
        Assert.Equal(expected, QuotaBar.Render(used, hard, width));
}
