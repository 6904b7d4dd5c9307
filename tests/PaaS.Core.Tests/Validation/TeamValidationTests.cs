using PaaS.Core.Resources;
using static PaaS.Core.Tests.Validation.TenancyValidationFixture;

namespace PaaS.Core.Tests.Validation;

public sealed class TeamValidationTests
{
    [Fact]
    public void Team_ValidMembersAndQuota_NoErrors() =>
        Assert.Empty(Errors(ResourceTypes.Team, Team(
            "payments",
            """[{"name":"alice","role":"owner"},{"name":"bob.smith@example.com","role":"developer"},{"name":"ci_bot-1","role":"viewer"}]""",
            """{"hard":{"pods":"50","requests.cpu":"10","count/deployments.apps":"20"}}""")));

    [Fact]
    public void Team_DuplicateMember_KubernetesMessage() =>
        Assert.Equal(["spec.members[1].name: Duplicate value: \"alice\""],
            Errors(ResourceTypes.Team, Team("t", """[{"name":"alice","role":"owner"},{"name":"alice","role":"viewer"}]""")));

    [Fact]
    public void Team_UnknownRole_UnsupportedWithList() =>
        Assert.Equal(["spec.members[0].role: Unsupported value: \"admin\": supported values: \"owner\", \"developer\", \"viewer\""],
            Errors(ResourceTypes.Team, Team("t", """[{"name":"alice","role":"admin"}]""")));

    [Fact]
    public void Team_MissingNameAndRole_Required() =>
        Assert.Equal(
            ["spec.members[0].name: Required value", "spec.members[0].role: Required value: supported values: \"owner\", \"developer\", \"viewer\""],
            Errors(ResourceTypes.Team, Team("t", """[{}]""")));

    [Theory]
    [InlineData("Alice")]
    [InlineData("-alice")]
    [InlineData("alice@")]
    [InlineData("al ice")]
    public void Team_InvalidUserName_Refused(string name)
    {
        var error = Assert.Single(Errors(ResourceTypes.Team, Team("t", $$"""[{"name":"{{name}}","role":"viewer"}]""")));

        Assert.StartsWith($"spec.members[0].name: Invalid value: \"{name}\": a valid user name must consist of lower case alphanumeric characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Team_UserNameTooLong_Refused()
    {
        var name = new string('a', 254);

        Assert.Equal([$"spec.members[0].name: Invalid value: \"{name}\": must be no more than 253 characters"],
            Errors(ResourceTypes.Team, Team("t", $$"""[{"name":"{{name}}","role":"viewer"}]""")));
    }

    [Fact]
    public void Team_DottedName_NotALabel() =>
        Assert.Equal(["metadata.name: Invalid value: \"team.one\": must not contain dots"], Errors(ResourceTypes.Team, Team("team.one", "[]")));

    [Fact]
    public void Team_NameOver63_NotALabel() =>
        Assert.Contains($"metadata.name: Invalid value: \"{new string('t', 64)}\": must be no more than 63 characters",
            Errors(ResourceTypes.Team, Team(new string('t', 64), "[]")));

    [Fact]
    public void Team_QuotaLikeResourceQuota()
    {
        Assert.Equal(["spec.quota.hard[pods]: Invalid value: \"1.5\": must be an integer"],
            Errors(ResourceTypes.Team, Team("t", "[]", """{"hard":{"pods":"1.5"}}""")));
        Assert.Equal(["spec.quota.hard[gpus]: Invalid value: \"gpus\": must be a standard resource for quota"],
            Errors(ResourceTypes.Team, Team("t", "[]", """{"hard":{"gpus":"1"}}""")));
        Assert.Equal(["spec.quota.scopes: Forbidden: quota scopes are not supported: a quota applies to every object in its namespace"],
            Errors(ResourceTypes.Team, Team("t", "[]", """{"hard":{"pods":"1"},"scopes":["BestEffort"]}""")));
    }

    private static string Team(string name, string members, string quota = "null") =>
        $$"""{"apiVersion":"paas.dev/v1","kind":"Team","metadata":{"name":"{{name}}"},"spec":{"members":{{members}},"quota":{{quota}} } }""";
}
