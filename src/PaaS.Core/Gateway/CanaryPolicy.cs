namespace PaaS.Core.Gateway;

/// <summary>
/// From <c>gateway.paas.dev/canary: &lt;service&gt;=&lt;percent&gt;</c>, for example <c>web-v2=10</c>:
/// that share of the requests goes to the other Service in the same namespace.
/// </summary>
/// <param name="Service">The other Service's name (a DNS-1123 label, same namespace).</param>
/// <param name="Percent">1–99; 0 and 100 are refused because they mean "no canary" and "not a canary".</param>
public sealed record CanaryPolicy(string Service, int Percent);
