using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PaaS.ApiServer.Tests.Infrastructure;

internal static class HttpExtensions
{
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string body, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)) });

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.SendJsonAsync(HttpMethod.Post, path, body.ToJsonString());

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.SendJsonAsync(HttpMethod.Put, path, body.ToJsonString());

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Reads the body and fails with it when the status is not the expected one.</summary>
    public static async Task<JsonObject> ExpectAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        return (JsonObject)JsonNode.Parse(body)!;
    }
}
