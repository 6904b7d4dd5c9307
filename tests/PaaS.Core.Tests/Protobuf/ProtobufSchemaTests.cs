using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;
using PaaS.Core.Protobuf;

namespace PaaS.Core.Tests.Protobuf;

/// <summary>
/// Cross-checks the hand-written schema against KubernetesClient's models, an independent source for the JSON
/// names: a misspelt name in a schema file would otherwise only show up as a field the API server ignores.
/// </summary>
public sealed class ProtobufSchemaTests
{
    // Schema messages that exist only on the wire: Go embeds them inline, so no model type carries their name.
    private static readonly HashSet<string> InlineOnly = ["ProbeHandler", "VolumeSource", "EphemeralContainerCommon"];

    [Fact]
    public void Schema_EveryKindFromTheBrief_IsSupported()
    {
        string[] kinds =
        [
            "v1 Namespace", "v1 Pod", "v1 Service", "v1 Endpoints", "v1 Node", "v1 Event", "v1 ConfigMap", "v1 Secret",
            "v1 ResourceQuota", "v1 LimitRange", "apps/v1 Deployment", "apps/v1 ReplicaSet", "coordination.k8s.io/v1 Lease",
            "authorization.k8s.io/v1 SelfSubjectAccessReview",
        ];

        var supported = ProtobufSchema.Schema.Kinds.Keys.Select(k => $"{k.ApiVersion} {k.Kind}").Order();

        Assert.Equal(kinds.Order(), supported);
    }

    [Fact]
    public void Schema_JsonNames_ExistOnKubernetesClientModels()
    {
        var models = typeof(V1Pod).Assembly.GetExportedTypes().Where(t => t.Namespace == "k8s.Models").ToDictionary(t => t.Name);
        var problems = new List<string>();
        var checkedMessages = 0;
        foreach (var message in ProtobufSchema.Schema.Messages.Values)
        {
            var shortName = message.Name[(message.Name.LastIndexOf('.') + 1)..];
            if (InlineOnly.Contains(shortName))
            {
                continue;
            }

            var model = FindModel(models, message.Name, shortName);
            if (model is null)
            {
                problems.Add($"no k8s.Models type for {message.Name}");
                continue;
            }

            checkedMessages++;
            var names = model.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).ToHashSet();
            foreach (var name in JsonNames(message))
            {
                if (!names.Contains(name))
                {
                    problems.Add($"{message.Name}: {model.Name} has no JSON property {name}");
                }
            }
        }

        Assert.Empty(problems);
        Assert.True(checkedMessages > 150, $"only {checkedMessages} messages were checked");
    }

    [Fact]
    public void ReadFixed_LittleEndianValues_ReadBack()
    {
        byte[] data = [0x78, 0x56, 0x34, 0x12, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01];
        var reader = new ProtobufReader(data, 0, data.Length);

        Assert.Equal(0x12345678u, reader.ReadFixed32());
        Assert.Equal(0x0102030405060708ul, reader.ReadFixed64());
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void ReadFixed64_FewerThanEightBytes_ThrowsTruncated()
    {
        byte[] data = [1, 2, 3];

        var error = Assert.Throws<ProtobufFormatException>(() => new ProtobufReader(data, 0, data.Length).ReadFixed64());

        Assert.Equal("truncated fixed64 value at byte 0", error.Message);
    }

    [Fact]
    public void ReadVarint_MaximumUInt64_ReadsTenBytes()
    {
        byte[] data = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];
        var reader = new ProtobufReader(data, 0, data.Length);

        Assert.Equal(ulong.MaxValue, reader.ReadVarint());
        Assert.True(reader.AtEnd);
    }

    private static IEnumerable<string> JsonNames(ProtoMessage message)
    {
        foreach (var field in message.Fields.Values)
        {
            if (field.Shape != FieldShape.Inline)
            {
                yield return field.JsonName;
                continue;
            }

            // An inline message's names must exist on the parent's model, which is where JSON puts them.
            foreach (var name in JsonNames(ProtobufSchema.Schema.Messages[field.MessageName!]))
            {
                yield return name;
            }
        }
    }

    private static Type? FindModel(Dictionary<string, Type> models, string fullName, string shortName)
    {
        // KubernetesClient prefixes the version ("V1Pod") and, where two groups share a name, the group ("Corev1Event").
        var group = fullName.Split('.')[^3];
        var qualified = char.ToUpperInvariant(group[0]) + group[1..] + "v1" + shortName;
        return models.GetValueOrDefault(qualified) ?? models.GetValueOrDefault("V1" + shortName);
    }
}
