using PaaS.Core.Printing;

namespace PaaS.Core.Tests.Printing;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(-3, "<invalid>")]
    [InlineData(-2, "<invalid>")]
    [InlineData(-1, "0s")]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(90, "90s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(150, "2m30s")]
    [InlineData(200, "3m20s")]
    [InlineData(599, "9m59s")]
    [InlineData(600, "10m")]
    [InlineData(659, "10m")]
    [InlineData(179 * 60 + 59, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 30 * 60 + 59, "3h30m")]
    [InlineData(7 * 3600 + 59 * 60, "7h59m")]
    [InlineData(8 * 3600 + 30 * 60, "8h")]
    [InlineData(47 * 3600, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(53 * 3600, "2d5h")]
    [InlineData(7 * 86400 + 23 * 3600, "7d23h")]
    [InlineData(8 * 86400 + 5 * 3600, "8d")]
    [InlineData(45 * 86400, "45d")]
    [InlineData(729 * 86400, "729d")]
    [InlineData(730 * 86400, "2y")]
    [InlineData(740 * 86400, "2y10d")]
    [InlineData(8 * 365 * 86400 - 86400, "7y364d")]
    [InlineData(8 * 365 * 86400, "8y")]
    [InlineData(3650L * 86400 + 100 * 86400, "10y")]
    public void Format_Duration_MatchesApimachineryHumanDuration(long seconds, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Format_FractionalSeconds_TruncateTowardZero()
    {
        Assert.Equal("1s", HumanDuration.Format(TimeSpan.FromMilliseconds(1999)));
        Assert.Equal("0s", HumanDuration.Format(TimeSpan.FromMilliseconds(-1999)));
        Assert.Equal("<invalid>", HumanDuration.Format(TimeSpan.FromMilliseconds(-2000)));
    }

    [Fact]
    public void Since_MissingTimestamp_IsUnknown()
    {
        Assert.Equal("<unknown>", HumanDuration.Since(null, PrintingFixture.Now));
        Assert.Equal("5m", HumanDuration.Since(PrintingFixture.Now.AddMinutes(-5), PrintingFixture.Now));
    }
}
