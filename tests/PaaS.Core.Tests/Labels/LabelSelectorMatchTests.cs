using PaaS.Core.Labels;

namespace PaaS.Core.Tests.Labels;

public class LabelSelectorMatchTests
{
    [Theory]
    [InlineData("a=b", "a=b", true)]
    [InlineData("a=b", "a=c", false)]
    [InlineData("a=b", "", false)]
    [InlineData("a==b", "a=b", true)]
    [InlineData("a!=b", "", true)]
    [InlineData("a!=b", "a=b", false)]
    [InlineData("a!=b", "a=c", true)]
    [InlineData("a in (x,y)", "a=y", true)]
    [InlineData("a in (x,y)", "a=z", false)]
    [InlineData("a in (x,y)", "", false)]
    [InlineData("a notin (x)", "", true)]
    [InlineData("a notin (x)", "a=x", false)]
    [InlineData("a notin (x)", "a=y", true)]
    [InlineData("a", "a=", true)]
    [InlineData("a", "b=a", false)]
    [InlineData("!a", "", true)]
    [InlineData("!a", "a=x", false)]
    [InlineData("a=", "a=", true)]
    [InlineData("a=", "", false)]
    [InlineData("a in ()", "a=", true)]
    [InlineData("a=b,c=d", "a=b,c=d,e=f", true)]
    [InlineData("a=b,c=d", "a=b", false)]
    [InlineData("a=b,!c", "a=b", true)]
    [InlineData("a=b,!c", "a=b,c=x", false)]
    [InlineData("app=Web", "app=web", false)]
    [InlineData("", "", true)]
    [InlineData("", "a=b", true)]
    public void Matches_SelectorAndLabels_FollowsKubernetesSemantics(string selector, string labels, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(ToLabels(labels)));
    }

    [Theory]
    [InlineData("a!=b", true)]
    [InlineData("a notin (x)", true)]
    [InlineData("!a", true)]
    [InlineData("a", false)]
    [InlineData("a=b", false)]
    [InlineData("", true)]
    public void Matches_NullLabels_TreatedAsEmpty(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(null));
    }

    [Fact]
    public void Everything_MatchesAnything_AndIsEmpty()
    {
        Assert.True(LabelSelector.Everything.IsEmpty);
        Assert.Empty(LabelSelector.Everything.Requirements);
        Assert.True(LabelSelector.Everything.Matches(null));
        Assert.True(LabelSelector.Everything.Matches(ToLabels("a=b")));
    }

    [Fact]
    public void Nothing_MatchesNothing_AndIsNotEmpty()
    {
        Assert.False(LabelSelector.Nothing.IsEmpty);
        Assert.False(LabelSelector.Nothing.Matches(null));
        Assert.False(LabelSelector.Nothing.Matches(ToLabels("a=b")));
    }

    [Fact]
    public void LabelRequirement_Matches_UsesOperator()
    {
        var labels = ToLabels("tier=backend");

        Assert.True(new LabelRequirement("tier", LabelOperator.In, ["backend", "cache"]).Matches(labels));
        Assert.False(new LabelRequirement("tier", LabelOperator.NotIn, ["backend"]).Matches(labels));
        Assert.True(new LabelRequirement("missing", LabelOperator.NotEquals, ["x"]).Matches(labels));
    }

    [Fact]
    public void LabelRequirement_Equality_ComparesValuesByContent()
    {
        var left = new LabelRequirement("a", LabelOperator.In, new List<string> { "x", "y" });
        var right = new LabelRequirement("a", LabelOperator.In, ["x", "y"]);

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, right with { Values = ["x"] });
    }

    internal static Dictionary<string, string> ToLabels(string labels) =>
        labels.Length == 0
            ? []
            : labels.Split(',').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
}
