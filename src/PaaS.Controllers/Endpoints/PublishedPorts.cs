using System.Globalization;

namespace PaaS.Controllers.Endpoints;

/// <summary>
/// The node agent's <c>paas.dev/published-ports</c> pod annotation, parsed: container port and protocol → the
/// host address that reaches it (<c>8080/TCP=127.0.0.1:40001,9090/TCP=127.0.0.1:40002</c>). A malformed entry is
/// skipped rather than failing the whole Service: the other pods still get their endpoints.
/// </summary>
internal static class PublishedPorts
{
    public const string Annotation = "paas.dev/published-ports";

    /// <returns>Null when the pod has no annotation (nothing published: a simulated node, or not started yet).</returns>
    public static IReadOnlyDictionary<(int Port, string Protocol), (string Ip, int Port)>? Parse(IDictionary<string, string>? annotations)
    {
        if (annotations?.TryGetValue(Annotation, out var text) != true || text is null)
        {
            return null;
        }

        var published = new Dictionary<(int, string), (string, int)>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // containerPort/protocol=hostIP:hostPort; the last colon splits, so an IPv6 host keeps its own.
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var colon = entry.LastIndexOf(':');
            if (slash < 1 || equals < slash || colon < equals
                || !int.TryParse(entry[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var containerPort)
                || !int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var hostPort))
            {
                continue;
            }

            var protocol = entry[(slash + 1)..equals];
            var ip = entry[(equals + 1)..colon].Trim('[', ']');
            published[(containerPort, protocol)] = (ip, hostPort);
        }

        return published;
    }
}
