using PaaS.Core.Labels;

namespace PaaS.Core.Tests.Labels;

public class LabelSelectorParseTests
{
    [Theory]
    [InlineData("a=b", "a=b")]
    [InlineData("a==b", "a=b")]
    [InlineData("a!=b", "a!=b")]
    [InlineData("a in (x,y)", "a in (x,y)")]
    [InlineData("a notin (x)", "a notin (x)")]
    [InlineData("a", "a")]
    [InlineData("!a", "!a")]
    [InlineData("  a = b ,\tc in ( y , x )\n", "a=b,c in (x,y)")]
    [InlineData("z=1,a=2", "a=2,z=1")]
    [InlineData("a in (y,x,y)", "a in (x,y)")]
    [InlineData("a=", "a=")]
    [InlineData("a in ()", "a in ()")]
    [InlineData("a in (x,)", "a in (,x)")]
    [InlineData("x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()")]
    [InlineData("in in (in,notin)", "in in (in,notin)")]
    [InlineData("example.com/app=web,app.kubernetes.io/name!=db", "app.kubernetes.io/name!=db,example.com/app=web")]
    [InlineData("a=b,!c,d", "a=b,!c,d")]
    public void Parse_ValidSelector_ProducesSortedRequirements(string selector, string expected)
    {
        var parsed = LabelSelector.Parse(selector);

        Assert.Equal(expected, parsed.ToString());
        Assert.False(parsed.IsEmpty);
    }

    public static TheoryData<string, LabelRequirement> SingleRequirements => new()
    {
        { "a=b", new LabelRequirement("a", LabelOperator.Equals, ["b"]) },
        { "a==b", new LabelRequirement("a", LabelOperator.Equals, ["b"]) },
        { "a!=b", new LabelRequirement("a", LabelOperator.NotEquals, ["b"]) },
        { "a in (y,x)", new LabelRequirement("a", LabelOperator.In, ["x", "y"]) },
        { "a notin (x)", new LabelRequirement("a", LabelOperator.NotIn, ["x"]) },
        { "a", new LabelRequirement("a", LabelOperator.Exists, []) },
        { "!a", new LabelRequirement("a", LabelOperator.DoesNotExist, []) },
        { "a=", new LabelRequirement("a", LabelOperator.Equals, [""]) },
    };

    [Theory]
    [MemberData(nameof(SingleRequirements))]
    public void Parse_SingleRequirement_HasKeyOperatorAndValues(string selector, LabelRequirement expected)
    {
        var requirement = Assert.Single(LabelSelector.Parse(selector).Requirements);

        Assert.Equal(expected, requirement);
        Assert.Equal(expected.Values, requirement.Values);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t\r\n")]
    public void Parse_NullOrBlank_SelectsEverything(string? selector)
    {
        var parsed = LabelSelector.Parse(selector);

        Assert.True(parsed.IsEmpty);
        Assert.Empty(parsed.Requirements);
        Assert.True(parsed.Matches(new Dictionary<string, string> { ["any"] = "thing" }));
    }

    [Theory]
    [InlineData("a b", "unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'")]
    [InlineData("a>1", "unable to parse requirement: found '>', expected: '=', '!=', '==', 'in', notin'")]
    [InlineData("a<1", "unable to parse requirement: found '<', expected: '=', '!=', '==', 'in', notin'")]
    [InlineData("a=b,", "found '', expected: identifier after ','")]
    [InlineData("a,,b", "found ',', expected: identifier after ','")]
    [InlineData("a=b c", "found 'c', expected: ',' or 'end of string'")]
    [InlineData("=b", "found '=', expected: !, identifier, or 'end of string'")]
    [InlineData(",a", "found ',', expected: !, identifier, or 'end of string'")]
    [InlineData("!", "unable to parse requirement: found '', expected: identifier")]
    [InlineData("!=a", "found '!=', expected: !, identifier, or 'end of string'")]
    [InlineData("a in x", "unable to parse requirement: found 'x' expected: '('")]
    [InlineData("a in (x", "unable to parse requirement: found '', expected: ',' or ')'")]
    [InlineData("a in (x y)", "unable to parse requirement: found 'y', expected: ',' or ')'")]
    [InlineData("a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier")]
    [InlineData("a in (x,=)", "unable to parse requirement: found '=', expected: ',', or identifier")]
    [InlineData("a=(b)", "unable to parse requirement: found '(', expected: identifier")]
    [InlineData("a in", "unable to parse requirement: found '' expected: '('")]
    public void Parse_MalformedSelector_ThrowsKubernetesParserMessage(string selector, string message)
    {
        var exception = Assert.Throws<FormatException>(() => LabelSelector.Parse(selector));

        Assert.Equal(message, exception.Message);
    }

    [Theory]
    [InlineData(
        "-a=b",
        "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', "
        + "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
        + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    [InlineData(
        "a=-b",
        "unable to parse requirement: values[0][a]: Invalid value: \"-b\": a valid label must be an empty string or consist of "
        + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
        + "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")]
    [InlineData(
        "Bad_/x",
        "unable to parse requirement: <nil>: Invalid value: \"Bad_/x\": prefix part a lowercase RFC 1123 subdomain must consist of "
        + "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
        + "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")]
    public void Parse_InvalidKeyOrValue_ThrowsKubernetesValidationMessage(string selector, string message)
    {
        var exception = Assert.Throws<FormatException>(() => LabelSelector.Parse(selector));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Parse_SeveralInvalidValues_AggregatesLikeKubernetes()
    {
        var exception = Assert.Throws<FormatException>(() => LabelSelector.Parse("a in (-x,-y)"));

        Assert.StartsWith("unable to parse requirement: [values[0][a]: Invalid value: \"-x\": ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(", values[1][a]: Invalid value: \"-y\": ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLongValue_ReportsLength()
    {
        var exception = Assert.Throws<FormatException>(() => LabelSelector.Parse("a=" + new string('v', 64)));

        Assert.EndsWith(": must be no more than 63 characters", exception.Message, StringComparison.Ordinal);
    }
}
