using System.Text.Json.Nodes;
using PaaS.Core.Defaults;
using PaaS.Core.Resources;
using PaaS.Core.Validation;

namespace PaaS.Core.Tests.Validation;

public sealed class ObjectValidatorTests
{
    [Fact]
    public void Validate_SelectorNotMatchingTemplate_NamesTemplateLabels()
    {
        var errors = Validate(ResourceTypes.Deployment, """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"other"}},
              "spec":{"containers":[{"name":"c","image":"i"}]}}}}
            """);
        Assert.Equal("spec.template.metadata.labels: Invalid value: \"app=other\": `selector` does not match template `labels`", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_DuplicateContainerNamesAndBadPort_ReportsEach()
    {
        var errors = Validate(ResourceTypes.Pod, """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"containers":[{"name":"c","image":"i","ports":[{"containerPort":70000}]},{"name":"c","image":"i"}]}}
            """).Select(e => e.ToString()).ToList();
        Assert.Contains("spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive", errors);
        Assert.Contains("spec.containers[1].name: Duplicate value: \"c\"", errors);
    }

    [Fact]
    public void Validate_ServiceWithoutPorts_RequiresPorts()
    {
        var errors = Validate(ResourceTypes.Service, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"selector":{"app":"x"}}}""");
        Assert.Equal("spec.ports: Required value", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_DeploymentWithNeverRestart_IsUnsupported()
    {
        var errors = Validate(ResourceTypes.Deployment, """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
              "spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"i"}]}}}}
            """);
        Assert.Equal("spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"", Assert.Single(errors).ToString());
    }

    [Fact]
    public void ValidateJson_BadQuantity_NamesTheField()
    {
        var json = (JsonObject)JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"containers":[{"name":"c","image":"i","resources":{"limits":{"memory":"12XB"}}}]}}
            """)!;
        var error = Assert.Single(ObjectValidator.ValidateJson(ResourceTypes.Pod, json));
        Assert.Equal("spec.containers[0].resources.limits.memory", error.Field);
    }

    [Fact]
    public void Validate_RequestAboveLimit_IsInvalid()
    {
        var errors = Validate(ResourceTypes.Pod, """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"containers":[{"name":"c","image":"i","resources":{"requests":{"cpu":"2"},"limits":{"cpu":"500m"}}}]}}
            """);
        Assert.Equal("spec.containers[0].resources.requests[cpu]: Invalid value: \"2\": must be less than or equal to cpu limit of 500m", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Defaults_Deployment_GetsKubernetesDefaults()
    {
        var deployment = (k8s.Models.V1Deployment)ObjectJson.ToModel(ResourceTypes.Deployment, """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
              "spec":{"containers":[{"name":"c","image":"repo/app","ports":[{"containerPort":80}]}]}}}}
            """);
        ObjectDefaults.Apply(deployment);
        Assert.Equal(1, deployment.Spec.Replicas);
        Assert.Equal("25%", deployment.Spec.Strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal("Always", deployment.Spec.Template.Spec.Containers[0].ImagePullPolicy);
        Assert.Equal("TCP", deployment.Spec.Template.Spec.Containers[0].Ports[0].Protocol);
        Assert.Equal(30, deployment.Spec.Template.Spec.TerminationGracePeriodSeconds);
    }

    private static IReadOnlyList<FieldError> Validate(ResourceType type, string json)
    {
        var obj = ObjectJson.ToModel(type, json);
        ObjectDefaults.Apply(obj);
        return ObjectValidator.Validate(type, obj);
    }
}
