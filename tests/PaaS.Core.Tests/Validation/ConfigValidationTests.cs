using PaaS.Core.Resources;
using static PaaS.Core.Tests.Validation.TenancyValidationFixture;

namespace PaaS.Core.Tests.Validation;

public sealed class ConfigValidationTests
{
    private const string KeyRegexDetail =
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

    [Fact]
    public void ConfigMap_ValidKeys_NoErrors() =>
        Assert.Empty(Errors(ResourceTypes.ConfigMap, ConfigMap("""{"app.properties":"a=b","KEY_1":"x",".hidden":"y"}""", """{"logo-png":"AAE="}""")));

    [Fact]
    public void ConfigMap_KeyWithSlash_NamesTheKey()
    {
        var errors = Errors(ResourceTypes.ConfigMap, ConfigMap("""{"a/b":"x"}"""));

        Assert.Equal([$"data[a/b]: Invalid value: \"a/b\": {KeyRegexDetail}"], errors);
    }

    [Theory]
    [InlineData(".", "must not be '.'")]
    [InlineData("..", "must not be '..'")]
    [InlineData("..data", "must not start with '..'")]
    public void ConfigMap_DotKeys_Refused(string key, string detail)
    {
        var errors = Errors(ResourceTypes.ConfigMap, ConfigMap($$"""{"{{key}}":"x"}"""));

        Assert.Equal([$"data[{key}]: Invalid value: \"{key}\": {detail}"], errors);
    }

    [Fact]
    public void ConfigMap_KeyTooLong_Refused()
    {
        var key = new string('k', 254);

        var errors = Errors(ResourceTypes.ConfigMap, ConfigMap($$"""{"{{key}}":"x"}"""));

        Assert.Equal([$"data[{key}]: Invalid value: \"{key}\": must be no more than 253 characters"], errors);
    }

    [Fact]
    public void ConfigMap_KeyInBothBags_ReportedOnEachSide()
    {
        var errors = Errors(ResourceTypes.ConfigMap, ConfigMap("""{"k":"x"}""", """{"k":"AAE="}"""));

        Assert.Equal(
            ["data[k]: Invalid value: \"k\": duplicate of key present in binaryData", "binaryData[k]: Invalid value: \"k\": duplicate of key present in data"],
            errors);
    }

    [Fact]
    public void ConfigMap_OverOneMebibyte_TooLong()
    {
        var half = new string('x', 600 * 1024);

        var errors = Errors(ResourceTypes.ConfigMap, ConfigMap($$"""{"a":"{{half}}","b":"{{half}}"}"""));

        Assert.Equal(["data: Too long: must have at most 1048576 bytes"], errors);
    }

    [Fact]
    public void ConfigMap_ExactlyOneMebibyteAcrossBothBags_Allowed()
    {
        var text = new string('x', (1024 * 1024) - 3);

        Assert.Empty(Errors(ResourceTypes.ConfigMap, ConfigMap($$"""{"a":"{{text}}"}""", """{"b":"AAEC"}""")));
    }

    [Fact]
    public void Secret_StringDataBadKey_ReportedAfterMergeAsData()
    {
        var errors = Errors(ResourceTypes.Secret, Secret("", """ "stringData":{"bad key":"v"} """));

        Assert.Single(errors);
        Assert.StartsWith("data[bad key]: Invalid value: \"bad key\": a valid config key", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_OverOneMebibyte_TooLong()
    {
        var big = Convert.ToBase64String(new byte[(1024 * 1024) + 1]);

        Assert.Equal(["data: Too long: must have at most 1048576 bytes"], Errors(ResourceTypes.Secret, Secret("", $$""" "data":{"blob":"{{big}}"} """)));
    }

    [Fact]
    public void Secret_TlsWithoutKeys_RequiresBoth()
    {
        var errors = Errors(ResourceTypes.Secret, Secret("kubernetes.io/tls", """ "data":{"ca.crt":"eA=="} """));

        Assert.Equal(["data[tls.crt]: Required value", "data[tls.key]: Required value"], errors);
    }

    [Fact]
    public void Secret_TlsFromStringData_Accepted() =>
        Assert.Empty(Errors(ResourceTypes.Secret, Secret("kubernetes.io/tls", """ "stringData":{"tls.crt":"c","tls.key":"k"} """)));

    [Fact]
    public void Secret_DockerConfigJsonMissing_Required() =>
        Assert.Equal(["data[.dockerconfigjson]: Required value"], Errors(ResourceTypes.Secret, Secret("kubernetes.io/dockerconfigjson", "")));

    [Fact]
    public void Secret_DockerConfigJsonNotJson_InvalidWithoutEchoingContents()
    {
        var errors = Errors(ResourceTypes.Secret, Secret("kubernetes.io/dockerconfigjson", """ "stringData":{".dockerconfigjson":"hunter2{"} """));

        var error = Assert.Single(errors);
        Assert.StartsWith("data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid JSON", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_DockerConfigJsonValid_Accepted() =>
        Assert.Empty(Errors(ResourceTypes.Secret, Secret("kubernetes.io/dockerconfigjson", """ "stringData":{".dockerconfigjson":"{\"auths\":{}}"} """)));

    [Fact]
    public void Secret_BasicAuthWithNeither_RequiresBoth()
    {
        Assert.Equal(["data[username]: Required value", "data[password]: Required value"], Errors(ResourceTypes.Secret, Secret("kubernetes.io/basic-auth", "")));
        Assert.Empty(Errors(ResourceTypes.Secret, Secret("kubernetes.io/basic-auth", """ "stringData":{"password":""} """)));
    }

    [Fact]
    public void Secret_SshAuthEmptyKey_Required() =>
        Assert.Equal(["data[ssh-privatekey]: Required value"], Errors(ResourceTypes.Secret, Secret("kubernetes.io/ssh-auth", """ "data":{"ssh-privatekey":""} """)));

    [Fact]
    public void Secret_UnknownType_NoTypeRules() =>
        Assert.Empty(Errors(ResourceTypes.Secret, Secret("example.com/custom", "")));

    private static string ConfigMap(string data, string binaryData = "{}") =>
        $$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"demo"},"data":{{data}},"binaryData":{{binaryData}} }""";

    private static string Secret(string type, string fields)
    {
        var typeField = type.Length > 0 ? $$""","type":"{{type}}" """ : "";
        var rest = fields.Length > 0 ? "," + fields : "";
        return $$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"demo"}{{typeField}}{{rest}} }""";
    }
}
