using System.Net;
using System.Net.Http.Json;
using k8s;
using PaaS.Core.Logs;

namespace PaaS.NodeAgent.Logs;

/// <summary>
/// The node's log paths of the API (<c>/apis/paas.dev/v1/nodes/{node}/logs</c> and <c>/logcursors</c>), sent
/// through the node's own Kubernetes client: its HttpClient (TLS settings) and its credentials (the node's token).
/// </summary>
internal sealed class NodeLogClient(IKubernetes api, string nodeName)
{
    private readonly Kubernetes _api = api as Kubernetes ?? throw new ArgumentException("the node's client must be a k8s.Kubernetes", nameof(api));

    public async Task<HttpResponseMessage> PostAsync(IReadOnlyList<LogEntry> entries, CancellationToken ct) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, Path("logs")) { Content = JsonContent.Create(new LogBatch(entries)) }, ct);

    /// <summary>Each of the node's containers' newest stored line time (Unix nanoseconds), by container id.</summary>
    public async Task<Dictionary<string, long>> CursorsAsync(CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Path("logcursors")), ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"reading the log cursors answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}", null, response.StatusCode);
        }

        var body = await response.Content.ReadFromJsonAsync<LogCursors>(ct) ?? throw new HttpRequestException("reading the log cursors answered no body");
        return body.Cursors.ToDictionary(c => c.Key, c => LogTimestamp.TryParse(c.Value, out var t) ? t : long.MinValue, StringComparer.Ordinal);
    }

    private Uri Path(string leaf) => new(_api.BaseUri, $"apis/paas.dev/v1/nodes/{Uri.EscapeDataString(nodeName)}/{leaf}");

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            if (_api.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, ct);
            }

            return await _api.HttpClient.SendAsync(request, ct);
        }
    }
}
