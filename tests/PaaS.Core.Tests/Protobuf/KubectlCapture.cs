using System.Text.Json.Nodes;

namespace PaaS.Core.Tests.Protobuf;

/// <summary>One recorded kubectl request: the command, its protobuf body (base64) and the JSON it stands for.</summary>
internal sealed record KubectlCapture(string Command, string Body, string Json)
{
    public byte[] Bytes => Convert.FromBase64String(Body);

    public JsonObject ExpectedJson => JsonNode.Parse(Json)!.AsObject();
}
