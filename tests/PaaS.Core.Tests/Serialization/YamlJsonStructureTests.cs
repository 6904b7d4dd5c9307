using System.Text;
using PaaS.Core.Serialization;

namespace PaaS.Core.Tests.Serialization;

public class YamlJsonStructureTests
{
    [Theory]
    [InlineData("a: 1\nb: [x, 'y']\nc:\n  d: {e: null}\n", "{\"a\":1,\"b\":[\"x\",\"y\"],\"c\":{\"d\":{\"e\":null}}}")]
    [InlineData("- a\n- - b\n  - c\n- {d: 1}\n", "[\"a\",[\"b\",\"c\"],{\"d\":1}]")]
    [InlineData("a: 1 # trailing comment\n# full line comment\nb: 2\n", "{\"a\":1,\"b\":2}")]
    [InlineData("a: 1\na: 2\n", "{\"a\":2}")]
    [InlineData("a:\nb: ~\n", "{\"a\":null,\"b\":null}")]
    [InlineData("hello", "\"hello\"")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("%YAML 1.1\n---\na: 1\n", "{\"a\":1}")]
    [InlineData("---\na: 1\n...\n", "{\"a\":1}")]
    [InlineData("\uFEFFa: 1\n", "{\"a\":1}")]
    [InlineData("a: 1\r\nb: 2\r\n", "{\"a\":1,\"b\":2}")]
    public void ToJson_Document_ConvertsStructure(string yaml, string expectedJson)
    {
        Assert.Equal(expectedJson, JsonText.Of(YamlJson.ToJson(yaml)));
    }

    [Theory]
    [InlineData("base: &b {x: 1}\ncopy: *b\n", "{\"base\":{\"x\":1},\"copy\":{\"x\":1}}")]
    [InlineData("a: &v 5\nb: *v\n", "{\"a\":5,\"b\":5}")]
    [InlineData("a: &k key\n*k : value\n", "{\"a\":\"key\",\"key\":\"value\"}")]
    [InlineData("a: &n ~\nb: *n\n", "{\"a\":null,\"b\":null}")]
    [InlineData("l: &l [1, 2]\nm: [*l, *l]\n", "{\"l\":[1,2],\"m\":[[1,2],[1,2]]}")]
    [InlineData("a: &x 1\na2: *x\nb: &x 2\nb2: *x\n", "{\"a\":1,\"a2\":1,\"b\":2,\"b2\":2}")]
    [InlineData("o: &a [&a [1], *a]\nr: *a\n", "{\"o\":[[1],[1]],\"r\":[1]}")]
    [InlineData("o: &a [&a 1, *a]\nr: *a\n", "{\"o\":[1,1],\"r\":1}")]
    public void ToJson_AnchorsAndAliases_AreResolvedToCopies(string yaml, string expectedJson)
    {
        Assert.Equal(expectedJson, JsonText.Of(YamlJson.ToJson(yaml)));
    }

    [Fact]
    public void ToJson_AliasedCollection_IsIndependentCopy()
    {
        var node = YamlJson.ToJson("a: &b {x: 1}\nc: *b\n")!;

        node["c"]!["x"] = 2;

        Assert.Equal(1, node["a"]!["x"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("b: &b {x: 1, z: 2}\nd:\n  <<: *b\n  z: 3\n", "{\"x\":1,\"z\":3}")]
    [InlineData("b: &b {x: 1, z: 2}\nd:\n  z: 3\n  <<: *b\n", "{\"z\":2,\"x\":1}")]
    [InlineData("a: &a {k: a, only_a: 1}\nb: &b {k: b, only_b: 2}\nd:\n  <<: [*a, *b]\n", "{\"k\":\"a\",\"only_b\":2,\"only_a\":1}")]
    [InlineData("d:\n  <<: {x: 1}\n  z: 0\n", "{\"x\":1,\"z\":0}")]
    [InlineData("d:\n  '<<': {x: 1}\n", "{\"<<\":{\"x\":1}}")]
    public void ToJson_MergeKeys_FollowGoYamlV2(string yaml, string expectedD)
    {
        Assert.Equal(expectedD, JsonText.Of(YamlJson.ToJson(yaml)!["d"]));
    }

    [Theory]
    [InlineData("d:\n  <<: 1\n", "yaml: line 2, column 7: map merge requires map or sequence of maps as the value")]
    [InlineData("s: &s [1]\nd:\n  <<: *s\n", "yaml: line 3, column 7: map merge requires map or sequence of maps as the value")]
    [InlineData("*x\n", "yaml: line 1, column 1: unknown anchor 'x' referenced")]
    [InlineData("a: *x\n", "yaml: line 1, column 4: unknown anchor 'x' referenced")]
    [InlineData("&a [*a]\n", "yaml: line 1, column 5: anchor 'a' value contains itself")]
    [InlineData("&a {k: [*a]}\n", "yaml: line 1, column 9: anchor 'a' value contains itself")]
    public void ToJson_BadMergeOrAlias_ThrowsWithPosition(string yaml, string message)
    {
        var exception = Assert.Throws<FormatException>(() => YamlJson.ToJson(yaml));

        Assert.Equal(message, exception.Message);
    }

    [Theory]
    [InlineData("a: b: c", "yaml: line 1, column 5: ")]
    [InlineData("a:\n  - b\n c: d", "yaml: line 3, column 2: ")]
    [InlineData("key: \"unterminated", "yaml: line 1, column 6: ")]
    [InlineData("a: [1, 2", "yaml: line 2, column 1: ")]
    [InlineData("a: 1\n\tb: 2\n", "yaml: line 1, column 4: ")]
    public void ToJson_MalformedYaml_ThrowsWithLineAndColumn(string yaml, string messagePrefix)
    {
        var exception = Assert.Throws<FormatException>(() => YamlJson.ToJson(yaml));

        Assert.StartsWith(messagePrefix, exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Length > messagePrefix.Length + 3, exception.Message);
    }

    [Theory]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("--- 1\n--- 2\n")]
    public void ToJson_MultipleDocuments_Throws(string yaml)
    {
        var exception = Assert.Throws<FormatException>(() => YamlJson.ToJson(yaml));

        Assert.Equal("expected a single YAML document", exception.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~")]
    public void ToJson_NoContent_ReturnsNull(string yaml)
    {
        Assert.Null(YamlJson.ToJson(yaml));
    }

    [Fact]
    public void ToJson_EmptyDocumentsAroundOne_ReturnsIt()
    {
        Assert.Equal("{\"a\":1}", JsonText.Of(YamlJson.ToJson("---\n# nothing\n---\na: 1\n---\n")));
    }

    [Fact]
    public void ToJsonDocuments_Stream_ReturnsNonEmptyDocumentsInOrder()
    {
        var documents = YamlJson.ToJsonDocuments("---\na: 1\n---\n# comment only\n---\n- 2\n---\n~\n---\nc: &x 3\nd: *x\n");

        Assert.Equal(["{\"a\":1}", "[2]", "{\"c\":3,\"d\":3}"], documents.Select(JsonText.Of));
    }

    [Fact]
    public void ToJsonDocuments_AnchorsAreScopedToTheirDocument()
    {
        var exception = Assert.Throws<FormatException>(() => YamlJson.ToJsonDocuments("a: &x 1\n---\nb: *x\n"));

        Assert.Equal("yaml: line 3, column 4: unknown anchor 'x' referenced", exception.Message);
    }

    [Fact]
    public void ToJson_DeepNestingWithinLimit_Succeeds()
    {
        var node = YamlJson.ToJson(new string('[', 999) + new string(']', 999));

        Assert.NotNull(node);
    }

    [Fact]
    public void ToJson_NestingBeyondLimit_Throws()
    {
        var exception = Assert.Throws<FormatException>(() => YamlJson.ToJson(new string('[', 1001) + new string(']', 1001)));

        Assert.EndsWith("exceeded max depth of 1000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_AliasBomb_IsRejected()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var exception = Assert.Throws<FormatException>(() => YamlJson.ToJson(yaml.ToString()));

        Assert.EndsWith("document contains excessive aliasing", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_NullInput_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => YamlJson.ToJson(null!));
    }
}
