using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaaS.Cli.Http;

/// <summary>JSON over HTTP to the API server with the context's bearer token; errors become <see cref="ApiException"/>.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _server;

    public ApiClient(ClusterConnection connection)
    {
        _server = connection.Server;
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (connection.InsecureSkipTlsVerify)
        {
            // The user asked for it with --insecure-skip-tls-verify, as with kubectl's flag of that name.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (connection.Authority is { } authority)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                ServerCertificateValidator.Validate(authority, certificate, errors);
        }

        _http = new HttpClient(handler) { BaseAddress = connection.Server, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("paasctl", typeof(ApiClient).Assembly.GetName().Version?.ToString(3)));
        if (!string.IsNullOrEmpty(connection.Token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
        }
    }

    public Task<JsonNode?> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonNode?> PostAsync(string path, JsonNode body, CancellationToken ct) => SendAsync(HttpMethod.Post, path, body, ct);

    public Task<JsonNode?> PutAsync(string path, JsonNode body, CancellationToken ct) => SendAsync(HttpMethod.Put, path, body, ct);

    public Task<JsonNode?> DeleteAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Delete, path, null, ct);

    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex) when (ex.InnerException is AuthenticationException)
        {
            throw new CliException(ExitCodes.Error,
                $"cannot verify the server certificate of {_server}: it is not signed by the configured certificate authority (pass the platform's apiserver.crt to 'paasctl login --certificate-authority')", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException(ExitCodes.Error, $"cannot reach {_server}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Error, $"{_server} did not answer within {_http.Timeout.TotalSeconds:0} seconds", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw ToException(response.StatusCode, text);
            }

            return text.Length == 0 ? null : ParseJson(text, response.StatusCode);
        }
    }

    /// <summary>The server's Status (its message and reason) as an exception; a short text for any other body.</summary>
    public static ApiException ToException(HttpStatusCode status, string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject obj && (string?)obj["message"] is { Length: > 0 } message)
            {
                return new ApiException(status, (string?)obj["reason"], message);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): fall through to the status line.
        }

        var detail = body.Trim();
        var summary = $"the server answered {(int)status} {status}";
        return new ApiException(status, status.ToString(), detail.Length is > 0 and <= 200 ? $"{summary}: {detail}" : summary);
    }

    private static JsonNode? ParseJson(string text, HttpStatusCode status)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.Error, $"the server answered {(int)status} with a body that is not JSON", ex);
        }
    }

    public void Dispose() => _http.Dispose();
}
