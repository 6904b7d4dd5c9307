namespace PaaS.Core.OpenApi;

/// <summary>Descriptions of the query parameters, shortened from the API server's.</summary>
internal static class QueryDescriptions
{
    public static string Of(string name) => name switch
    {
        "dryRun" => "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed",
        "fieldManager" => "fieldManager is a name associated with the actor or entity that is making these changes.",
        "fieldValidation" => "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict",
        "force" => "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people.",
        "pretty" => "If 'true', then the output is pretty printed.",
        "labelSelector" => "A selector to restrict the list of returned objects by their labels. Defaults to everything.",
        "fieldSelector" => "A selector to restrict the list of returned objects by their fields. Defaults to everything.",
        "limit" => "limit is a maximum number of responses to return for a list call.",
        "continue" => "The continue option should be set when retrieving more results from the server.",
        "resourceVersion" => "resourceVersion sets a constraint on what resource versions a request may be served from.",
        "watch" => "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.",
        "gracePeriodSeconds" => "The duration in seconds before the object should be deleted.",
        "propagationPolicy" => "Whether and how garbage collection will be performed. Acceptable values are: 'Orphan', 'Background', 'Foreground'.",
        _ => name,
    };
}
