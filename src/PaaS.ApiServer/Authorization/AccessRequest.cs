using PaaS.Core.Resources;

namespace PaaS.ApiServer.Authorization;

/// <summary>One thing a caller asks to do: a verb on a kind, in a namespace (null: all namespaces or cluster scope), maybe on a named object or subresource.</summary>
internal sealed record AccessRequest(string Verb, ResourceType Type, string? Namespace, string? Name = null, string? Subresource = null)
{
    public bool IsRead => Verb is "get" or "list" or "watch";
}
