namespace PaaS.NodeAgent.Config;

/// <summary>
/// A container's configuration cannot be assembled (a ConfigMap, Secret or key it needs is missing): the
/// container waits with reason <c>CreateContainerConfigError</c> and this message, as in Kubernetes.
/// </summary>
public sealed class PodConfigException(string message) : Exception(message);
