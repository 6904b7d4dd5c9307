using PaaS.Cli.Output;

namespace PaaS.Cli.Tests.Output;

public sealed class TableWriterTests
{
    [Fact]
    public void Write_AlignsColumnsWithUpperCaseHeaders()
    {
        var output = new StringWriter();

        TableWriter.Write(output, ["name", "members", "namespaces"],
        [
            ["shop", "2", "shop-dev,shop-prod"],
            ["platform-team", "11", "<none>"],
        ]);

        Assert.Equal(
            "NAME            MEMBERS   NAMESPACES\n" +
            "shop            2         shop-dev,shop-prod\n" +
            "platform-team   11        <none>\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_EmptyLastCell_LeavesNoTrailingSpaces()
    {
        var output = new StringWriter();

        TableWriter.Write(output, ["id", "current"], [["abc", ""]]);

        Assert.Equal("ID    CURRENT\nabc\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_RowWithWrongCellCount_Throws() =>
        Assert.Throws<ArgumentException>(() => TableWriter.Write(new StringWriter(), ["a", "b"], [["1"]]));
}
