using System.Net;
using System.Net.Sockets;
using System.Text;
using k8s.Models;

namespace PaaS.NodeAgent.Probes;

/// <summary>
/// An <c>httpGet</c> probe as the kubelet runs it: GET with <c>User-Agent: kube-probe</c>, the probe's headers
/// (a <c>Host</c> header sets the host), HTTPS without certificate verification, redirects followed only
/// on the same host (one to another host ends the probe with the redirect's status), 200–399 succeeds.
/// Every connection is a fresh socket made inside the pod's network namespace.
/// </summary>
internal static class HttpGetProbe
{
    private const int MaxRedirects = 10;

    public static async Task<ProbeResult> RunAsync(V1HTTPGetAction action, int port, PodNetworkNamespace pod, CancellationToken ct)
    {
        var https = string.Equals(action.Scheme, "HTTPS", StringComparison.OrdinalIgnoreCase);
        var host = string.IsNullOrEmpty(action.Host) ? "127.0.0.1" : action.Host;
        var path = string.IsNullOrEmpty(action.Path) ? "/" : action.Path.StartsWith('/') ? action.Path : "/" + action.Path;
        var authority = IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]:{port}" : $"{host}:{port}";
        var url = new Uri($"{(https ? "https" : "http")}://{authority}{path}");

        // One handler per probe: nothing pooled, so a connection can never be reused across pods or probes.
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = async (context, token) =>
            {
                var address = await ProbeRunner.AddressAsync(context.DnsEndPoint.Host, token);
                return new NetworkStream(await pod.ConnectAsync(address, context.DnsEndPoint.Port, token), ownsSocket: true);
            },
        };
#pragma warning disable CA5359 // The kubelet does not verify probe certificates either: pods use self-signed ones.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };

        for (var redirects = 0; ; redirects++)
        {
            using var request = Request(url, action.HttpHeaders);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location && new Uri(url, location) is var next && next.Host == url.Host)
            {
                if (redirects == MaxRedirects)
                {
                    return ProbeResult.Failure($"HTTP probe failed: stopped after {MaxRedirects} redirects");
                }

                url = next;
                continue;
            }

            if (status is >= 200 and < 400)
            {
                return ProbeResult.Success($"HTTP probe succeeded with statuscode: {status}");
            }

            var body = await ReadCappedAsync(response, ct);
            return ProbeResult.Failure($"HTTP probe failed with statuscode: {status}{(body.Length > 0 ? ": " + body : "")}");
        }
    }

    private static HttpRequestMessage Request(Uri url, IList<V1HTTPHeader>? headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.ConnectionClose = true;
        foreach (var header in headers ?? [])
        {
            if (string.Equals(header.Name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = header.Value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
        }

        // The kubelet's defaults, unless the probe sets its own.
        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", "kube-probe/1.32");
        }

        if (!request.Headers.Contains("Accept"))
        {
            request.Headers.TryAddWithoutValidation("Accept", "*/*");
        }

        return request;
    }

    /// <summary>The body's first <see cref="ProbeRunner.MaxOutputBytes"/>, to say why the app refused.</summary>
    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[ProbeRunner.MaxOutputBytes];
        var length = 0;
        while (length < buffer.Length && await stream.ReadAsync(buffer.AsMemory(length), ct) is > 0 and var read)
        {
            length += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }
}
