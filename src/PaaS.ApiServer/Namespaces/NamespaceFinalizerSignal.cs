namespace PaaS.ApiServer.Namespaces;

/// <summary>Wakes the namespace finalizer as soon as a namespace starts terminating.</summary>
internal sealed class NamespaceFinalizerSignal : WakeSignal;
