using PaaS.Core.Quantities;

namespace PaaS.Core.Tests.Quantities;

public class QuantityConversionTests
{
    [Theory]
    [InlineData("100m", 100)]
    [InlineData("1", 1000)]
    [InlineData("0", 0)]
    [InlineData("1n", 1)]
    [InlineData("1.5m", 2)]
    [InlineData("-1.5m", -2)]
    [InlineData("-100m", -100)]
    [InlineData("2.5", 2500)]
    [InlineData("128Mi", 134217728000)]
    public void ToMilli_Quantity_RoundsAwayFromZeroLikeMilliValue(string text, long expected)
    {
        Assert.Equal(expected, Quantity.Parse(text).ToMilli());
    }

    [Fact]
    public void ToMilli_HugeValues_Saturate()
    {
        Assert.Equal(long.MaxValue, new Quantity(decimal.MaxValue).ToMilli());
        Assert.Equal(long.MinValue, new Quantity(decimal.MinValue).ToMilli());
        Assert.Equal(long.MaxValue, Quantity.Parse("9223372036854776").ToMilli());
    }

    [Theory]
    [InlineData("100m", 1)]
    [InlineData("1.5", 2)]
    [InlineData("2", 2)]
    [InlineData("0", 0)]
    [InlineData("1n", 1)]
    [InlineData("-1.5", -1)]
    [InlineData("1Gi", 1073741824)]
    [InlineData("1e3", 1000)]
    public void ToLongCeiling_Quantity_RoundsUp(string text, long expected)
    {
        Assert.Equal(expected, Quantity.Parse(text).ToLongCeiling());
    }

    [Fact]
    public void ToLongCeiling_HugeValues_Saturate()
    {
        Assert.Equal(long.MaxValue, new Quantity(decimal.MaxValue).ToLongCeiling());
        Assert.Equal(long.MinValue, new Quantity(decimal.MinValue).ToLongCeiling());
    }

    [Theory]
    [InlineData("1Gi", "1G", 1)]
    [InlineData("1G", "1Gi", -1)]
    [InlineData("1000m", "1", 0)]
    [InlineData("1k", "1e3", 0)]
    [InlineData("-1", "0", -1)]
    public void CompareTo_TwoQuantities_OrdersByValue(string left, string right, int expectedSign)
    {
        var a = Quantity.Parse(left);
        var b = Quantity.Parse(right);

        Assert.Equal(expectedSign, Math.Sign(a.CompareTo(b)));
        Assert.Equal(expectedSign < 0, a < b);
        Assert.Equal(expectedSign <= 0, a <= b);
        Assert.Equal(expectedSign > 0, a > b);
        Assert.Equal(expectedSign >= 0, a >= b);
        Assert.Equal(expectedSign == 0, a == b);
    }

    [Theory]
    [InlineData("100m", "100m")]
    [InlineData("0.1", "100m")]
    [InlineData("1.5", "1500m")]
    [InlineData("-1.5", "-1500m")]
    [InlineData("2000", "2k")]
    [InlineData("1e3", "1k")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("0", "0")]
    [InlineData("1u", "1u")]
    [InlineData("1n", "1n")]
    [InlineData("1.5k", "1500")]
    [InlineData("12E", "12E")]
    [InlineData("1e21", "1e21")]
    public void ToString_Quantity_GivesCanonicalDecimalForm(string text, string expected)
    {
        var formatted = Quantity.Parse(text).ToString();

        Assert.Equal(expected, formatted);
        Assert.Equal(Quantity.Parse(text), Quantity.Parse(formatted));
    }
}
