using PaaS.Core.Serialization;

namespace PaaS.Core.Tests.Serialization;

public class YamlJsonScalarTests
{
    [Theory]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("Null", "null")]
    [InlineData("NULL", "null")]
    [InlineData("", "null")]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("yes", "true")]
    [InlineData("Yes", "true")]
    [InlineData("on", "true")]
    [InlineData("ON", "true")]
    [InlineData("y", "true")]
    [InlineData("Y", "true")]
    [InlineData("false", "false")]
    [InlineData("no", "false")]
    [InlineData("No", "false")]
    [InlineData("off", "false")]
    [InlineData("n", "false")]
    [InlineData("1", "1")]
    [InlineData("-1", "-1")]
    [InlineData("+1", "1")]
    [InlineData("0", "0")]
    [InlineData("0x1F", "31")]
    [InlineData("-0x1F", "-31")]
    [InlineData("0o17", "15")]
    [InlineData("017", "15")]
    [InlineData("0b101", "5")]
    [InlineData("1_000", "1000")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("99999999999999999999", "1E+20")]
    [InlineData("08", "8")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("1E3", "1000")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("1.", "1")]
    [InlineData("+1.5e-3", "0.0015")]
    [InlineData("abc", "\"abc\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("1:20", "\"1:20\"")]
    [InlineData("0x", "\"0x\"")]
    [InlineData("1e", "\"1e\"")]
    [InlineData("12e", "\"12e\"")]
    [InlineData("1e400", "\"1e400\"")]
    [InlineData("2001-12-14", "\"2001-12-14\"")]
    [InlineData("2001-12-14T21:59:43.10Z", "\"2001-12-14T21:59:43.10Z\"")]
    [InlineData("yesno", "\"yesno\"")]
    [InlineData("True1", "\"True1\"")]
    [InlineData("100m", "\"100m\"")]
    [InlineData("v1", "\"v1\"")]
    [InlineData("+", "\"+\"")]
    [InlineData(".", "\".\"")]
    [InlineData("<<", "\"<<\"")]
    [InlineData("'true'", "\"true\"")]
    [InlineData("\"1\"", "\"1\"")]
    [InlineData("'~'", "\"~\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\"yes\"", "\"yes\"")]
    [InlineData("!!str 1", "\"1\"")]
    [InlineData("!!str true", "\"true\"")]
    [InlineData("!!int \"5\"", "5")]
    [InlineData("!!float 1", "1")]
    [InlineData("!!bool yes", "true")]
    [InlineData("!!binary aGVsbG8=", "\"hello\"")]
    [InlineData("!!timestamp 2001-12-14", "\"2001-12-14\"")]
    [InlineData("!custom 5", "\"5\"")]
    [InlineData("! true", "\"true\"")]
    public void ToJson_ScalarValue_ResolvesLikeGoYamlV2(string yamlValue, string expectedJson)
    {
        var node = YamlJson.ToJson("v: " + yamlValue);

        Assert.Equal("{\"v\":" + expectedJson + "}", JsonText.Of(node));
    }

    [Theory]
    [InlineData("v: |\n  yes\n  no\n", "yes\nno\n")]
    [InlineData("v: >\n  folded\n  text\n", "folded text\n")]
    [InlineData("v: |-\n  123\n", "123")]
    public void ToJson_BlockScalar_IsAlwaysString(string yaml, string expected)
    {
        var node = YamlJson.ToJson(yaml);

        Assert.Equal(expected, node!["v"]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_Numbers_ReadAsAnyNumericType()
    {
        var node = YamlJson.ToJson("replicas: 3\nratio: 1e3\n")!;

        Assert.Equal(3, node["replicas"]!.GetValue<int>());
        Assert.Equal(3L, node["replicas"]!.GetValue<long>());
        Assert.Equal(3.0, node["replicas"]!.GetValue<double>());
        Assert.Equal(1000, node["ratio"]!.GetValue<int>());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, node["ratio"]!.GetValueKind());
    }

    [Theory]
    [InlineData("v: !!int abc", "yaml: line 1, column 4: cannot decode !!str `abc` as a !!int")]
    [InlineData("v: !!int 1.5", "yaml: line 1, column 4: cannot decode !!float `1.5` as a !!int")]
    [InlineData("v: !!bool 1", "yaml: line 1, column 4: cannot decode !!int `1` as a !!bool")]
    [InlineData("v: !!timestamp nope", "yaml: line 1, column 4: cannot decode !!str `nope` as a !!timestamp")]
    [InlineData("v: !!binary '***'", "yaml: line 1, column 4: !!binary value contains invalid base64 data")]
    [InlineData("v: .nan", "yaml: line 1, column 4: json: unsupported value: NaN")]
    [InlineData("v: .inf", "yaml: line 1, column 4: json: unsupported value: +Inf")]
    [InlineData("v: -.Inf", "yaml: line 1, column 4: json: unsupported value: -Inf")]
    public void ToJson_UnrepresentableScalar_ThrowsWithPosition(string yaml, string message)
    {
        var exception = Assert.Throws<FormatException>(() => YamlJson.ToJson(yaml));

        Assert.Equal(message, exception.Message);
    }

    [Theory]
    [InlineData("true: a", "true")]
    [InlineData("yes: a", "true")]
    [InlineData("on: a", "true")]
    [InlineData("off: a", "false")]
    [InlineData("y: a", "true")]
    [InlineData("N: a", "false")]
    [InlineData("1: a", "1")]
    [InlineData("0x10: a", "16")]
    [InlineData("1.5: a", "1.5")]
    [InlineData("1.0: a", "1")]
    [InlineData("0.1: a", "0.1")]
    [InlineData("0.0001: a", "0.0001")]
    [InlineData("0.00001: a", "1e-05")]
    [InlineData("123456.0: a", "123456")]
    [InlineData("1234567.0: a", "1.234567e+06")]
    [InlineData("1e6: a", "1e+06")]
    [InlineData("-2.5: a", "-2.5")]
    [InlineData(".inf: a", ".inf")]
    [InlineData("-.inf: a", "-.inf")]
    [InlineData(".nan: a", ".nan")]
    [InlineData("'1': a", "1")]
    [InlineData("\"<<\": a", "<<")]
    [InlineData("2001-12-14: a", "2001-12-14")]
    public void ToJson_NonStringKey_IsConvertedLikeSigsK8sYaml(string yaml, string expectedKey)
    {
        var node = Assert.IsType<System.Text.Json.Nodes.JsonObject>(YamlJson.ToJson(yaml));

        var (key, value) = Assert.Single(node);
        Assert.Equal(expectedKey, key);
        Assert.Equal("a", value!.GetValue<string>());
    }

    [Theory]
    [InlineData("~: a", "yaml: line 1, column 1: unsupported map key of type: <nil>, key: <nil>")]
    [InlineData("18446744073709551615: a", "yaml: line 1, column 1: unsupported map key of type: uint64, key: 18446744073709551615")]
    [InlineData("? [a]\n: b", "yaml: line 1, column 3: invalid map key: [\"a\"]")]
    [InlineData("? {a: 1}\n: b", "yaml: line 1, column 3: invalid map key: {\"a\":1}")]
    public void ToJson_UnsupportedKey_Throws(string yaml, string message)
    {
        var exception = Assert.Throws<FormatException>(() => YamlJson.ToJson(yaml));

        Assert.Equal(message, exception.Message);
    }
}
