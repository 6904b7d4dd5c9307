using PaaS.Core.Validation;

namespace PaaS.Core.Tests.Validation;

public class NamesTests
{
    private const string LabelRule =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an "
        + "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string SubdomainRule =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
        + "alphanumeric character (e.g. 'example.com', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string NameRule =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
        + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private const string ValueRule =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
        + "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private const string TooLong63 = "must be no more than 63 characters";

    [Theory]
    [InlineData("my-name")]
    [InlineData("123-abc")]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("a--b")]
    public void ValidateDns1123Label_Valid_ReturnsNoErrors(string value)
    {
        Assert.Empty(Names.ValidateDns1123Label(value));
    }

    [Fact]
    public void ValidateDns1123Label_63Characters_IsValid()
    {
        Assert.Empty(Names.ValidateDns1123Label(new string('a', 63)));
    }

    public static TheoryData<string, string[]> InvalidLabels => new()
    {
        { "My-Name", [LabelRule] },
        { "-a", [LabelRule] },
        { "a-", [LabelRule] },
        { "", [LabelRule] },
        { "a_b", [LabelRule] },
        { "a\n", [LabelRule] },
        { "a.b", ["must not contain dots"] },
        { new string('a', 64), [TooLong63] },
        { new string('A', 64), [TooLong63, LabelRule] },
    };

    [Theory]
    [MemberData(nameof(InvalidLabels))]
    public void ValidateDns1123Label_Invalid_ReturnsKubernetesMessages(string value, string[] expected)
    {
        Assert.Equal(expected, Names.ValidateDns1123Label(value));
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("a")]
    [InlineData("a-b.c-d.e")]
    [InlineData("0.1.2")]
    public void ValidateDns1123Subdomain_Valid_ReturnsNoErrors(string value)
    {
        Assert.Empty(Names.ValidateDns1123Subdomain(value));
    }

    [Fact]
    public void ValidateDns1123Subdomain_253Characters_IsValid()
    {
        var value = string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('b', 61);

        Assert.Equal(253, value.Length);
        Assert.Empty(Names.ValidateDns1123Subdomain(value));
    }

    public static TheoryData<string, string[]> InvalidSubdomains => new()
    {
        { "Example.com", [SubdomainRule] },
        { "a..b", [SubdomainRule] },
        { ".a", [SubdomainRule] },
        { "a.", [SubdomainRule] },
        { "-a.b", [SubdomainRule] },
        { "", [SubdomainRule] },
        { "a.b\n", [SubdomainRule] },
        { new string('a', 254), ["must be no more than 253 characters"] },
        { new string('A', 254), ["must be no more than 253 characters", SubdomainRule] },
    };

    [Theory]
    [MemberData(nameof(InvalidSubdomains))]
    public void ValidateDns1123Subdomain_Invalid_ReturnsKubernetesMessages(string value, string[] expected)
    {
        Assert.Equal(expected, Names.ValidateDns1123Subdomain(value));
    }

    [Theory]
    [InlineData("app")]
    [InlineData("App_Name.v1")]
    [InlineData("example.com/app")]
    [InlineData("kubernetes.io/metadata.name")]
    [InlineData("a/b")]
    [InlineData("1")]
    public void ValidateQualifiedName_Valid_ReturnsNoErrors(string value)
    {
        Assert.Empty(Names.ValidateQualifiedName(value));
    }

    [Fact]
    public void ValidateQualifiedName_63CharacterName_IsValid()
    {
        Assert.Empty(Names.ValidateQualifiedName("example.com/" + new string('n', 63)));
    }

    public static TheoryData<string, string[]> InvalidQualifiedNames => new()
    {
        { "", ["name part must be non-empty", "name part " + NameRule] },
        { "-a", ["name part " + NameRule] },
        { "a b", ["name part " + NameRule] },
        { "a\n", ["name part " + NameRule] },
        { "/a", ["prefix part must be non-empty"] },
        { "a/", ["name part must be non-empty", "name part " + NameRule] },
        { "Example.com/a", ["prefix part " + SubdomainRule] },
        { new string('n', 64), ["name part " + TooLong63] },
        {
            "a/b/c",
            ["a valid label key " + NameRule + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidQualifiedNames))]
    public void ValidateQualifiedName_Invalid_ReturnsKubernetesMessages(string value, string[] expected)
    {
        Assert.Equal(expected, Names.ValidateQualifiedName(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("MyValue")]
    [InlineData("my_value")]
    [InlineData("12345")]
    [InlineData("a.b-c_d")]
    public void ValidateLabelValue_Valid_ReturnsNoErrors(string value)
    {
        Assert.Empty(Names.ValidateLabelValue(value));
    }

    public static TheoryData<string, string[]> InvalidLabelValues => new()
    {
        { "-a", [ValueRule] },
        { "a-", [ValueRule] },
        { "a b", [ValueRule] },
        { "a\n", [ValueRule] },
        { "é", [ValueRule] },
        { new string('v', 64), [TooLong63] },
        { new string('-', 64), [TooLong63, ValueRule] },
    };

    [Theory]
    [MemberData(nameof(InvalidLabelValues))]
    public void ValidateLabelValue_Invalid_ReturnsKubernetesMessages(string value, string[] expected)
    {
        Assert.Equal(expected, Names.ValidateLabelValue(value));
    }
}
