using System.Text;
using k8s.Models;
using PaaS.Core.Defaults;
using PaaS.Core.Protobuf;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;
using PaaS.Core.Validation;

namespace PaaS.Core.Tests.Protobuf;

/// <summary>
/// The tenancy kinds over protobuf: kubectl's bodies (create quota, secret tls/generic, configmap) through decoding,
/// the typed model, defaults and validation, as the API server takes them; LimitRange, which no kubectl command
/// creates, written field by field.
/// </summary>
public sealed class KubernetesProtobufTenancyTests
{
    [Fact]
    public void Decode_CreateQuota_HardParsesToExactDecimals()
    {
        var json = KubernetesProtobuf.Decode(KubectlTenancyCaptures.QuotaPodsAndCpu.Bytes);

        var quota = (V1ResourceQuota)ObjectJson.ToModel(ResourceTypes.ResourceQuota, json);
        Assert.Empty(ObjectValidator.ValidateJson(ResourceTypes.ResourceQuota, json));
        Assert.Empty(ObjectValidator.Validate(ResourceTypes.ResourceQuota, quota));
        var hard = QuotaHard.Parse(quota.Spec.Hard);
        Assert.Equal(10m, hard["pods"]);
        Assert.Equal(2m, hard["requests.cpu"]);
    }

    [Fact]
    public void Decode_CreateQuotaWithScopes_RefusedByValidation()
    {
        var json = KubernetesProtobuf.Decode(KubectlCaptures.Quota.Bytes);

        var errors = ObjectValidator.Validate(ResourceTypes.ResourceQuota, ObjectJson.ToModel(ResourceTypes.ResourceQuota, json));

        Assert.Equal(["spec.scopes"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Decode_CreateSecretTls_TypeAndBothKeysPassValidation()
    {
        var json = KubernetesProtobuf.Decode(KubectlTenancyCaptures.SecretTls.Bytes);

        var secret = (V1Secret)ObjectJson.ToModel(ResourceTypes.Secret, json);
        ObjectDefaults.Apply(secret);
        Assert.Equal("kubernetes.io/tls", secret.Type);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", Encoding.UTF8.GetString(secret.Data["tls.crt"]), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", Encoding.UTF8.GetString(secret.Data["tls.key"]), StringComparison.Ordinal);
        Assert.Empty(ObjectValidator.Validate(ResourceTypes.Secret, secret));
    }

    [Fact]
    public void Decode_CreateSecretGeneric_NoTypeOnTheWireDefaultsToOpaque()
    {
        var json = KubernetesProtobuf.Decode(KubectlTenancyCaptures.SecretGenericTwoLiterals.Bytes);

        Assert.False(json.ContainsKey("type"));
        var secret = (V1Secret)ObjectJson.ToModel(ResourceTypes.Secret, json);
        ObjectDefaults.Apply(secret);
        Assert.Equal("Opaque", secret.Type);
        Assert.Equal("s3cr=t", Encoding.UTF8.GetString(secret.Data["password"]));
    }

    [Fact]
    public void Decode_CreateConfigMap_TwoKeysPrintAsDataTwo()
    {
        var json = KubernetesProtobuf.Decode(KubectlTenancyCaptures.ConfigMapTwoLiterals.Bytes);

        Assert.Empty(ObjectValidator.Validate(ResourceTypes.ConfigMap, ObjectJson.ToModel(ResourceTypes.ConfigMap, json)));
        var table = PaaS.Core.Printing.TablePrinter.Print(ResourceTypes.ConfigMap, [json], "", "None", DateTimeOffset.UnixEpoch);
        Assert.Equal(2, (long)table["rows"]![0]!["cells"]![1]!);
    }

    [Fact]
    public void Decode_LimitRange_AllFiveResourceListsAndType()
    {
        var body = ProtoWriter.Envelope("v1", "LimitRange", range => range
            .Message(1, m => m.String(1, "limits").String(3, "demo").ZeroTime(8))
            .Message(2, spec => spec
                .Message(1, item => item
                    .String(1, "Container")
                    .QuantityEntry(2, "cpu", "1")
                    .QuantityEntry(3, "cpu", "100m")
                    .QuantityEntry(4, "cpu", "500m")
                    .QuantityEntry(5, "cpu", "200m")
                    .QuantityEntry(6, "cpu", "4"))
                .Message(1, item => item.String(1, "Pod").QuantityEntry(2, "memory", "2Gi"))));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "v1", "kind": "LimitRange",
              "metadata": { "name": "limits", "namespace": "demo" },
              "spec": { "limits": [
                { "type": "Container", "max": { "cpu": "1" }, "min": { "cpu": "100m" }, "default": { "cpu": "500m" },
                  "defaultRequest": { "cpu": "200m" }, "maxLimitRequestRatio": { "cpu": "4" } },
                { "type": "Pod", "max": { "memory": "2Gi" } } ] }
            }
            """,
            json);
        Assert.Empty(ObjectValidator.Validate(ResourceTypes.LimitRange, ObjectJson.ToModel(ResourceTypes.LimitRange, json)));
    }

    [Fact]
    public void Decode_Team_RefusedBecauseKubectlSendsCustomKindsAsJson()
    {
        var body = ProtoWriter.Envelope("paas.dev/v1", "Team", team => team.Message(1, m => m.String(1, "payments")));

        var error = Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));

        Assert.Equal("unsupported protobuf kind paas.dev/v1 Team", error.Message);
    }
}
