using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace PaaS.Gateway.Metrics;

/// <summary>Requests and latency per service, written in the Prometheus text format.</summary>
internal sealed class GatewayMetrics
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly ConcurrentDictionary<(string Namespace, string Service), ServiceCounters> _services = new();

    public void Record(string @namespace, string service, int status, TimeSpan elapsed) =>
        _services.GetOrAdd((@namespace, service), static _ => new ServiceCounters()).Record(status, elapsed);

    public string Render()
    {
        var text = new StringBuilder();
        var services = _services.OrderBy(s => s.Key.Namespace, StringComparer.Ordinal).ThenBy(s => s.Key.Service, StringComparer.Ordinal).ToList();
        text.Append("# HELP paas_gateway_requests_total Requests the gateway answered for a service, by status code.\n");
        text.Append("# TYPE paas_gateway_requests_total counter\n");
        foreach (var ((ns, name), counters) in services)
        {
            foreach (var (status, count) in counters.Statuses())
            {
                text.Append(CultureInfo.InvariantCulture, $"paas_gateway_requests_total{{namespace=\"{ns}\",service=\"{name}\",code=\"{status}\"}} {count}\n");
            }
        }

        text.Append("# HELP paas_gateway_request_duration_seconds Time from receiving a request to the end of its response, per service.\n");
        text.Append("# TYPE paas_gateway_request_duration_seconds histogram\n");
        foreach (var ((ns, name), counters) in services)
        {
            var buckets = counters.Buckets();
            var cumulative = 0L;
            for (var i = 0; i < buckets.Length; i++)
            {
                cumulative += buckets[i];
                var le = i < ServiceCounters.Bounds.Length ? ServiceCounters.Bounds[i].ToString(CultureInfo.InvariantCulture) : "+Inf";
                text.Append(CultureInfo.InvariantCulture, $"paas_gateway_request_duration_seconds_bucket{{namespace=\"{ns}\",service=\"{name}\",le=\"{le}\"}} {cumulative}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"paas_gateway_request_duration_seconds_sum{{namespace=\"{ns}\",service=\"{name}\"}} {counters.SumSeconds}\n");
            text.Append(CultureInfo.InvariantCulture, $"paas_gateway_request_duration_seconds_count{{namespace=\"{ns}\",service=\"{name}\"}} {cumulative}\n");
        }

        return text.ToString();
    }
}
