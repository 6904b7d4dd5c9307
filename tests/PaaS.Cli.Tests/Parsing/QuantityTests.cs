using PaaS.Cli.Parsing;

namespace PaaS.Cli.Tests.Parsing;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("8", "8")]
    [InlineData("1500m", "1.5")]
    [InlineData("0.5", "0.5")]
    [InlineData("2k", "2000")]
    [InlineData("1Ki", "1024")]
    [InlineData("8Gi", "8589934592")]
    [InlineData("1G", "1000000000")]
    [InlineData("1e3", "1000")]
    [InlineData("250u", "0.00025")]
    public void TryParse_Valid_ReturnsValue(string text, string expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Gi")]
    [InlineData("1gi")]
    [InlineData("1 Gi")]
    [InlineData("one")]
    [InlineData("1e99")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(Quantity.TryParse(text, out _));
}
