using PaaS.Cli.Parsing;

namespace PaaS.Cli.Tests.Parsing;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("90m", 90 * 60)]
    [InlineData("12h", 12 * 3600)]
    [InlineData("30d", 30 * 86400)]
    [InlineData("2w", 14 * 86400)]
    [InlineData("45s", 45)]
    [InlineData("1h30m", 5400)]
    public void Parse_Valid_ReturnsDuration(string text, long seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text));

    [Theory]
    [InlineData("30")]
    [InlineData("d")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    [InlineData("12 h")]
    [InlineData("1y")]
    [InlineData("")]
    [InlineData("0h")]
    public void Parse_Invalid_IsUsageError(string text)
    {
        var ex = Assert.ThrowsAny<CliException>(() => Durations.Parse(text));

        Assert.Equal(ExitCodes.Usage, ex.ExitCode);
        Assert.StartsWith($"invalid duration \"{text}\"", ex.Message, StringComparison.Ordinal);
    }
}
