using k8s.Models;

namespace PaaS.ControlPlane.Tests;

/// <summary>Objects the control-plane tests create.</summary>
internal static class Manifests
{
    /// <summary>A deployment of one container <c>app</c>, its pods labelled <c>app=&lt;name&gt;</c>.</summary>
    public static V1Deployment Deployment(string name, int replicas, string image = "paas/hello:1", IList<string>? command = null)
    {
        var labels = new Dictionary<string, string> { ["app"] = name };
        return new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = image, Command = command }] },
                },
            },
        };
    }
}
