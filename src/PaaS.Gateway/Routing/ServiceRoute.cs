namespace PaaS.Gateway.Routing;

/// <summary>The service (and port) a proxied request is for, with the service's annotations.</summary>
/// <param name="Port">The service port's name, or its number when it has no name.</param>
public sealed record ServiceRoute(string Namespace, string Name, string Port, IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary><c>&lt;namespace&gt;/&lt;name&gt;</c>, as metrics and messages name the service.</summary>
    public string Key { get; } = $"{Namespace}/{Name}";

    internal static ServiceRoute From(IReadOnlyDictionary<string, string> metadata) => new(
        metadata[RouteMetadata.Namespace],
        metadata[RouteMetadata.Service],
        metadata[RouteMetadata.Port],
        // Everything but the route's own keys: the service's annotations, its gateway.paas.dev/* governance included.
        metadata.Where(m => m.Key is not (RouteMetadata.Namespace or RouteMetadata.Service or RouteMetadata.Port)).ToDictionary());
}
