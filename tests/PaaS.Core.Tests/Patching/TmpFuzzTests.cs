using System.Text.Json.Nodes;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

public class TmpFuzzTests
{
    [Theory]
    [InlineData("/tmp/fakeapi/fuzz1.json")]
    [InlineData("/tmp/fakeapi/fuzz2.json")]
    public void Fuzz(string file)
    {
        var cases = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i]!;
            var expected = c["expected"]!;
            string actual;
            try
            {
                actual = ObjectPatcher.Apply(ObjectPatcher.StrategicMergePatch, c["original"]!.AsObject(), c["patch"]!.ToJsonString(), ResourceTypes.Pod).ToJsonString();
            }
            catch (PatchException e)
            {
                actual = "THROW " + e.Message;
            }

            if (expected is JsonValue)
            {
                if (!actual.StartsWith("THROW", StringComparison.Ordinal)) failures.Add($"#{i} k8s {expected} ours ok");
                continue;
            }

            if (actual.StartsWith("THROW", StringComparison.Ordinal) || !JsonNode.DeepEquals(expected, JsonNode.Parse(actual)))
            {
                failures.Add($"#{i}\n patch {c["patch"]!.ToJsonString()}\n orig {c["original"]!["spec"]!.ToJsonString()} {c["original"]!["metadata"]!.ToJsonString()}\n k8s  {expected["spec"]?.ToJsonString()} {expected["metadata"]?.ToJsonString()}\n ours {actual}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
