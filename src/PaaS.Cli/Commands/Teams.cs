using System.Net;
using System.Text.Json.Nodes;
using PaaS.Cli.Http;

namespace PaaS.Cli.Commands;

/// <summary>Team objects on the server: paths, and read-modify-write that retries when someone else wrote in between.</summary>
internal static class Teams
{
    public const string Path = "/apis/paas.dev/v1/teams";
    public const int Attempts = 5;

    public static readonly string[] Roles = ["owner", "developer", "viewer"];

    public static string ItemPath(string name) => $"{Path}/{Uri.EscapeDataString(name)}";

    /// <summary>
    /// GETs the team, lets <paramref name="change"/> edit it, PUTs it back with the same resourceVersion;
    /// on 409 Conflict reads again and retries, a few times.
    /// </summary>
    public static async Task<JsonNode?> UpdateAsync(ApiClient client, string name, Action<JsonObject> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var team = await client.GetAsync(ItemPath(name), ct) as JsonObject
                ?? throw new CliException(ExitCodes.Error, $"the server's answer for team {name} is not an object");
            change(team);
            try
            {
                return await client.PutAsync(ItemPath(name), team, ct);
            }
            catch (ApiException ex) when (ex.Status == HttpStatusCode.Conflict && attempt < Attempts)
            {
                // Someone changed the team since we read it: their change stays, ours is made again on top.
            }
        }
    }

    /// <summary>spec.members, created when absent.</summary>
    public static JsonArray Members(JsonObject team)
    {
        var spec = team["spec"] as JsonObject ?? (JsonObject)(team["spec"] = new JsonObject());
        return spec["members"] as JsonArray ?? (JsonArray)(spec["members"] = new JsonArray());
    }

    public static JsonObject? FindMember(JsonArray members, string user) =>
        members.OfType<JsonObject>().FirstOrDefault(m => (string?)m["name"] == user);
}
