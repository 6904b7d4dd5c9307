using System.Text.Json.Nodes;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

/// <summary>One recorded kubectl PATCH: the command, its media type and body, the live object it patched, and Kubernetes' result.</summary>
internal sealed record KubectlPatchCase(string Command, string ContentType, ResourceType Type, string Original, string Body, string Expected)
{
    public JsonObject OriginalJson => JsonNode.Parse(Original)!.AsObject();

    public JsonObject ExpectedJson => JsonNode.Parse(Expected)!.AsObject();
}
