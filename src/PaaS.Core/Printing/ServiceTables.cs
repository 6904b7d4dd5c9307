using System.Globalization;
using System.Text.Json.Nodes;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>Services (TYPE CLUSTER-IP EXTERNAL-IP PORT(S), wide SELECTOR) and Endpoints (ENDPOINTS).</summary>
internal static class ServiceTables
{
    /// <summary>formatEndpoints shows this many addresses, then "+ N more...".</summary>
    private const int EndpointsShown = 3;

    public static KindTable Service { get; } = new(
        [
            TableColumn.NameColumn,
            new("Type", "string", ColumnDescriptions.ServiceType),
            new("Cluster-IP", "string", ColumnDescriptions.ClusterIP),
            new("External-IP", "string", ColumnDescriptions.ExternalIPs),
            new("Port(s)", "string", ColumnDescriptions.ServicePorts),
            TableColumn.AgeColumn,
            TableColumn.Wide("Selector", ColumnDescriptions.ServiceSelector),
        ],
        PrintService);

    public static KindTable Endpoints { get; } = new(
        [
            TableColumn.NameColumn,
            new("Endpoints", "string", ColumnDescriptions.EndpointSubsets),
            TableColumn.AgeColumn,
        ],
        PrintEndpoints);

    private static PrintedRow PrintService(JsonObject service, DateTimeOffset now)
    {
        var ports = string.Join(',', Objects(service, "spec", "ports").Select(FormatPort));
        return PrintedRow.Of(
            Text(service, "metadata", "name"),
            Text(service, "spec", "type"),
            ClusterIP(service) is { Length: > 0 } ip ? ip : "<none>",
            ExternalIP(service),
            ports.Length == 0 ? "<none>" : ports,
            HumanDuration.Since(Time(service, "metadata", "creationTimestamp"), now),
            FormatLabels(Map(service, "spec", "selector")));
    }

    /// <summary>
    /// The first of spec.clusterIPs. Kubernetes fills clusterIPs from clusterIP when converting a v1 service
    /// that lacks it, so clusterIP stands in for objects written without the plural field.
    /// </summary>
    private static string ClusterIP(JsonObject service) =>
        Texts(service, "spec", "clusterIPs").FirstOrDefault() ?? Text(service, "spec", "clusterIP");

    /// <summary>getServiceExternalIP, as printed server-side (wide, so load-balancer addresses are never clipped).</summary>
    private static string ExternalIP(JsonObject service)
    {
        var externalIPs = Texts(service, "spec", "externalIPs").ToList();
        switch (Text(service, "spec", "type"))
        {
            case "ClusterIP" or "NodePort":
                return externalIPs.Count > 0 ? string.Join(',', externalIPs) : "<none>";
            case "LoadBalancer":
                var ingress = LoadBalancerAddresses(service);
                if (externalIPs.Count > 0)
                {
                    return string.Join(',', ingress.Concat(externalIPs));
                }

                return ingress.Count > 0 ? string.Join(',', ingress) : "<pending>";
            case "ExternalName":
                return Text(service, "spec", "externalName");
            default:
                return "<unknown>";
        }
    }

    /// <summary>loadBalancerStatusStringer: each ingress's IP, else its hostname, as a sorted set.</summary>
    private static List<string> LoadBalancerAddresses(JsonObject service) =>
        Objects(service, "status", "loadBalancer", "ingress")
            .Select(i => Text(i, "ip") is { Length: > 0 } ip ? ip : Text(i, "hostname"))
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>makePortString: "port/protocol", or "port:nodePort/protocol" when a node port is allocated.</summary>
    private static string FormatPort(JsonObject port)
    {
        var number = Number(port, "port");
        var nodePort = Number(port, "nodePort");
        var protocol = Text(port, "protocol");
        return nodePort > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{number}:{nodePort}/{protocol}")
            : string.Create(CultureInfo.InvariantCulture, $"{number}/{protocol}");
    }

    /// <summary>labels.FormatLabels: "k=v" pairs sorted by key, "&lt;none&gt;" when empty.</summary>
    private static string FormatLabels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0
            ? "<none>"
            : string.Join(',', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    private static PrintedRow PrintEndpoints(JsonObject endpoints, DateTimeOffset now) =>
        PrintedRow.Of(
            Text(endpoints, "metadata", "name"),
            FormatEndpoints(endpoints),
            HumanDuration.Since(Time(endpoints, "metadata", "creationTimestamp"), now));

    /// <summary>
    /// formatEndpoints: "ip:port" for every port of every subset (bare IPs for headless subsets without ports),
    /// the first three shown, then "+ N more...".
    /// </summary>
    private static string FormatEndpoints(JsonObject endpoints)
    {
        var subsets = Objects(endpoints, "subsets").ToList();
        if (subsets.Count == 0)
        {
            return "<none>";
        }

        var all = new List<string>();
        foreach (var subset in subsets)
        {
            var addresses = Objects(subset, "addresses").Select(a => Text(a, "ip")).ToList();
            var ports = Objects(subset, "ports").ToList();
            if (ports.Count == 0)
            {
                all.AddRange(addresses);
                continue;
            }

            foreach (var port in ports)
            {
                var number = Number(port, "port").ToString(CultureInfo.InvariantCulture);
                all.AddRange(addresses.Select(ip => JoinHostPort(ip, number)));
            }
        }

        var shown = string.Join(',', all.Take(EndpointsShown));
        return all.Count > EndpointsShown
            ? string.Create(CultureInfo.InvariantCulture, $"{shown} + {all.Count - EndpointsShown} more...")
            : shown;
    }

    /// <summary>Go's net.JoinHostPort: IPv6 addresses are bracketed.</summary>
    private static string JoinHostPort(string host, string port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
}
