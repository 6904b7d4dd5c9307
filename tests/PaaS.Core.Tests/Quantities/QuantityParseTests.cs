using System.Globalization;
using PaaS.Core.Quantities;

namespace PaaS.Core.Tests.Quantities;

public class QuantityParseTests
{
    private const string FormatError =
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    [Theory]
    [InlineData("100m", "0.1")]
    [InlineData("0.5", "0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("128Mi", "134217728")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("1.5Gi", "1610612736")]
    [InlineData("1e3", "1000")]
    [InlineData("1E3", "1000")]
    [InlineData("1e+3", "1000")]
    [InlineData("1E-3", "0.001")]
    [InlineData("2", "2")]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("+1", "1")]
    [InlineData("-1", "-1")]
    [InlineData("-100m", "-0.1")]
    [InlineData("000123", "123")]
    [InlineData("1.G", "1000000000")]
    [InlineData("1n", "0.000000001")]
    [InlineData("1u", "0.000001")]
    [InlineData("1k", "1000")]
    [InlineData("1M", "1000000")]
    [InlineData("1G", "1000000000")]
    [InlineData("1T", "1000000000000")]
    [InlineData("1P", "1000000000000000")]
    [InlineData("1E", "1000000000000000000")]
    [InlineData("1Ki", "1024")]
    [InlineData("1Mi", "1048576")]
    [InlineData("1Ti", "1099511627776")]
    [InlineData("1Pi", "1125899906842624")]
    [InlineData("1Ei", "1152921504606846976")]
    [InlineData("0.5Ki", "512")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Parse_ValidQuantity_ReturnsExactValue(string text, string expected)
    {
        var quantity = Quantity.Parse(text);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), quantity.Value);
    }

    [Theory]
    [InlineData("0.1n", "0.000000001")]
    [InlineData("-0.1n", "-0.000000001")]
    [InlineData("1e-12", "0.000000001")]
    [InlineData("1.0000000001", "1.000000001")]
    [InlineData("0.0000000001Ki", "0.000000103")]
    [InlineData("1e-999999999999999", "0.000000001")]
    public void Parse_PrecisionBelowNano_RoundsAwayFromZeroLikeKubernetes(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Quantity.Parse(text).Value);
    }

    [Theory]
    [InlineData("8Ei")]
    [InlineData("100000000000000000000Ki")]
    [InlineData("9223372036854775808Ki")]
    public void Parse_BinaryAboveInt64_IsCappedLikeKubernetes(string text)
    {
        Assert.Equal(long.MaxValue, Quantity.Parse(text).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("10MB")]
    [InlineData("1Mi5")]
    [InlineData("--1")]
    [InlineData("1e")]
    [InlineData("1e1.5")]
    [InlineData("1K")]
    [InlineData("1ki")]
    [InlineData("1mi")]
    [InlineData("1Mi-")]
    [InlineData("0x10")]
    [InlineData("Mi")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("1,5")]
    [InlineData("1e99999999999999999999")]
    public void TryParse_MalformedQuantity_FailsWithKubernetesFormatMessage(string text)
    {
        var ok = Quantity.TryParse(text, out var quantity, out var error);

        Assert.False(ok);
        Assert.Equal(default, quantity);
        Assert.Equal(FormatError, error);
    }

    [Fact]
    public void TryParse_Null_FailsWithFormatMessage()
    {
        Assert.False(Quantity.TryParse(null, out _, out var error));
        Assert.Equal(FormatError, error);
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("100000000000000000000000000000")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("-1e29")]
    [InlineData("1e999999999999")]
    [InlineData("12345678901234567890123.4567891")]
    public void TryParse_ValueOutsideDecimal_FailsWithOverflowMessage(string text)
    {
        Assert.False(Quantity.TryParse(text, out _, out var error));
        Assert.Equal(Quantity.OverflowErrorMessage, error);
        Assert.NotEqual(FormatError, error);
    }

    [Fact]
    public void TryParse_ValidQuantity_ReturnsEmptyError()
    {
        Assert.True(Quantity.TryParse("250m", out var quantity, out var error));
        Assert.Equal(0.25m, quantity.Value);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("10MB", FormatError)]
    [InlineData("1e30", Quantity.OverflowErrorMessage)]
    public void Parse_Invalid_ThrowsFormatExceptionWithSameMessage(string text, string message)
    {
        var exception = Assert.Throws<FormatException>(() => Quantity.Parse(text));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void FormatErrorMessage_IsKubernetesErrFormatWrongText()
    {
        Assert.Equal(FormatError, Quantity.FormatErrorMessage);
    }
}
