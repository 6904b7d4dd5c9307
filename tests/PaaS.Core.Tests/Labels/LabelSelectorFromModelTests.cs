using k8s.Models;
using PaaS.Core.Labels;

namespace PaaS.Core.Tests.Labels;

public class LabelSelectorFromModelTests
{
    private const string LabelValueRule =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
        + "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private const string KeyNameRule =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
        + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    [Fact]
    public void FromModel_Null_SelectsNothing()
    {
        var selector = LabelSelector.FromModel(null);

        Assert.Same(LabelSelector.Nothing, selector);
        Assert.False(selector.Matches(new Dictionary<string, string> { ["app"] = "web" }));
    }

    [Fact]
    public void FromModel_EmptySelector_SelectsEverything()
    {
        var selector = LabelSelector.FromModel(new V1LabelSelector { MatchLabels = new Dictionary<string, string>(), MatchExpressions = [] });

        Assert.True(selector.IsEmpty);
        Assert.True(selector.Matches(null));
    }

    [Fact]
    public void FromModel_MatchLabels_BecomeSortedEqualityRequirements()
    {
        var selector = LabelSelector.FromModel(new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["tier"] = "backend", ["app"] = "redis" },
        });

        Assert.Equal(
            [new LabelRequirement("app", LabelOperator.Equals, ["redis"]), new LabelRequirement("tier", LabelOperator.Equals, ["backend"])],
            selector.Requirements);
        Assert.Equal("app=redis,tier=backend", selector.ToString());
    }

    [Theory]
    [InlineData("app=redis,tier=backend,role=master", true)]
    [InlineData("app=redis,tier=backend,role=master,canary=", false)]
    [InlineData("app=redis,tier=cache,role=master", true)]
    [InlineData("app=redis,tier=backend,role=replica", false)]
    [InlineData("app=redis,tier=backend", false)]
    [InlineData("app=web,tier=backend,role=master", false)]
    [InlineData("app=redis,tier=frontend,role=master", false)]
    public void FromModel_MatchLabelsAndExpressions_AreAnded(string labels, bool expected)
    {
        var selector = LabelSelector.FromModel(new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "redis" },
            MatchExpressions =
            [
                new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "In", Values = ["backend", "cache"] },
                new V1LabelSelectorRequirement { Key = "role", OperatorProperty = "NotIn", Values = ["replica"] },
                new V1LabelSelectorRequirement { Key = "role", OperatorProperty = "Exists" },
                new V1LabelSelectorRequirement { Key = "canary", OperatorProperty = "DoesNotExist", Values = [] },
            ],
        });

        Assert.Equal(expected, selector.Matches(LabelSelectorMatchTests.ToLabels(labels)));
        Assert.Equal(5, selector.Requirements.Count);
    }

    public static TheoryData<V1LabelSelectorRequirement, string> InvalidExpressions => new()
    {
        {
            new V1LabelSelectorRequirement { Key = "a", OperatorProperty = "In" },
            "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"
        },
        {
            new V1LabelSelectorRequirement { Key = "a", OperatorProperty = "NotIn", Values = [] },
            "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"
        },
        {
            new V1LabelSelectorRequirement { Key = "a", OperatorProperty = "Exists", Values = ["x"] },
            "values: Invalid value: []string{\"x\"}: values set must be empty for exists and does not exist"
        },
        {
            new V1LabelSelectorRequirement { Key = "a", OperatorProperty = "DoesNotExist", Values = ["x", "y"] },
            "values: Invalid value: []string{\"x\", \"y\"}: values set must be empty for exists and does not exist"
        },
        {
            new V1LabelSelectorRequirement { Key = "a", OperatorProperty = "Gt", Values = ["1"] },
            "\"Gt\" is not a valid label selector operator"
        },
        {
            new V1LabelSelectorRequirement { Key = "a", OperatorProperty = "in", Values = ["x"] },
            "\"in\" is not a valid label selector operator"
        },
        {
            new V1LabelSelectorRequirement { Key = "a", OperatorProperty = null, Values = ["x"] },
            "\"\" is not a valid label selector operator"
        },
        {
            new V1LabelSelectorRequirement { Key = "a", OperatorProperty = "In", Values = ["-x"] },
            "values[0][a]: Invalid value: \"-x\": " + LabelValueRule
        },
        {
            new V1LabelSelectorRequirement { Key = "-a", OperatorProperty = "Exists" },
            "key: Invalid value: \"-a\": " + KeyNameRule
        },
    };

    [Theory]
    [MemberData(nameof(InvalidExpressions))]
    public void FromModel_InvalidExpression_ThrowsKubernetesMessage(V1LabelSelectorRequirement expression, string message)
    {
        var exception = Assert.Throws<FormatException>(
            () => LabelSelector.FromModel(new V1LabelSelector { MatchExpressions = [expression] }));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void FromModel_InvalidMatchLabel_ReportsKeyAndValueTogether()
    {
        var exception = Assert.Throws<FormatException>(() => LabelSelector.FromModel(new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["-a"] = "-b" },
        }));

        Assert.Equal(
            "[key: Invalid value: \"-a\": " + KeyNameRule + ", values[0][-a]: Invalid value: \"-b\": " + LabelValueRule + "]",
            exception.Message);
    }

    [Fact]
    public void FromModel_NullExpression_IsRejected()
    {
        Assert.Throws<FormatException>(() => LabelSelector.FromModel(new V1LabelSelector { MatchExpressions = [null!] }));
    }
}
