using System.Reflection;
using System.Text.Json.Serialization;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

public class PatchSchemasTests
{
    public static TheoryData<string> Kinds => new(ResourceTypes.All.Select(t => t.Kind));

    [Theory]
    [InlineData("Deployment", "spec.template.spec.containers", "name")]
    [InlineData("Deployment", "spec.template.spec.containers.env", "name")]
    [InlineData("Deployment", "spec.template.spec.containers.ports", "containerPort")]
    [InlineData("Deployment", "spec.template.spec.initContainers.volumeMounts", "mountPath")]
    [InlineData("Deployment", "spec.template.metadata.ownerReferences", "uid")]
    [InlineData("Deployment", "status.conditions", "type")]
    [InlineData("ReplicaSet", "spec.template.spec.volumes", "name")]
    [InlineData("ReplicaSet", "spec.template.spec.ephemeralContainers.volumeDevices", "devicePath")]
    [InlineData("Pod", "spec.containers.ports", "containerPort")]
    [InlineData("Pod", "spec.imagePullSecrets", "name")]
    [InlineData("Pod", "spec.hostAliases", "ip")]
    [InlineData("Pod", "spec.topologySpreadConstraints", "topologyKey")]
    [InlineData("Pod", "spec.resourceClaims", "name")]
    [InlineData("Pod", "spec.schedulingGates", "name")]
    [InlineData("Pod", "status.conditions", "type")]
    [InlineData("Pod", "status.podIPs", "ip")]
    [InlineData("Service", "spec.ports", "port")]
    [InlineData("Node", "status.addresses", "type")]
    [InlineData("Namespace", "status.conditions", "type")]
    [InlineData("Lease", "metadata.ownerReferences", "uid")]
    [InlineData("Event", "metadata.ownerReferences", "uid")]
    public void For_ListWithPatchMergeKey_MergesByThatKey(string kind, string path, string mergeKey)
    {
        var field = PatchSchemas.For(Type(kind)).Resolve(path);

        Assert.True(field.MergesList);
        Assert.Equal(mergeKey, field.MergeKey);
    }

    [Theory]
    [InlineData("Pod", "metadata.finalizers")]
    [InlineData("Deployment", "metadata.finalizers")]
    [InlineData("Node", "spec.podCIDRs")]
    public void For_PrimitiveListWithMergeStrategy_MergesAsASet(string kind, string path)
    {
        var field = PatchSchemas.For(Type(kind)).Resolve(path);

        Assert.True(field.MergesList);
        Assert.Null(field.MergeKey);
    }

    [Theory]
    [InlineData("Pod", "spec.tolerations")]
    [InlineData("Pod", "spec.readinessGates")]
    [InlineData("Pod", "spec.containers.args")]
    [InlineData("Pod", "spec.containers.envFrom")]
    [InlineData("Pod", "status.containerStatuses")]
    [InlineData("Node", "spec.taints")]
    [InlineData("Endpoints", "subsets")]
    [InlineData("Service", "spec.externalIPs")]
    [InlineData("Namespace", "spec.finalizers")]
    [InlineData("Deployment", "spec.selector.matchExpressions")]
    [InlineData("Deployment", "spec.containers")]
    public void For_ListWithoutPatchStrategy_IsReplaced(string kind, string path)
    {
        Assert.False(PatchSchemas.For(Type(kind)).Resolve(path).MergesList);
    }

    // Guards the hand-written tables against typos: every field they name exists in KubernetesClient's model of
    // the kind, merged lists are lists, and merge keys are fields of the list's items.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void For_EveryDeclaredField_ExistsOnTheKubernetesModel(string kind)
    {
        var type = Type(kind);

        CheckAgainstModel(PatchSchemas.For(type), type.ModelType, kind);
    }

    private static void CheckAgainstModel(PatchSchema schema, Type model, string path)
    {
        foreach (var (name, field) in schema.Fields)
        {
            var property = JsonProperty(model, name);
            Assert.True(property is not null, $"{path}.{name} is not a field of {model.Name}");
            var valueType = property.PropertyType;
            if (field.MergesList)
            {
                var item = valueType.GetInterfaces().Append(valueType)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>))?.GetGenericArguments()[0];
                Assert.True(item is not null, $"{path}.{name} merges as a list but {model.Name}.{property.Name} is not one");
                Assert.True(
                    field.MergeKey is null ? item == typeof(string) : JsonProperty(item, field.MergeKey) is not null,
                    $"{path}.{name}: merge key {field.MergeKey ?? "(none)"} does not fit {item.Name}");
                valueType = item;
            }

            CheckAgainstModel(field.Schema, valueType, $"{path}.{name}");
        }
    }

    private static PropertyInfo? JsonProperty(Type model, string name) =>
        model.GetProperties().SingleOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == name);

    private static ResourceType Type(string kind) => ResourceTypes.All.Single(t => t.Kind == kind);
}
