using System.Net;
using PaaS.Core.Validation;

namespace PaaS.ApiServer.Api;

/// <summary>
/// A request the API refuses, carrying what becomes a Kubernetes <c>Status</c> (code, reason, message,
/// details). Thrown anywhere below the endpoints; rendered in one place (<see cref="StatusResults"/>).
/// </summary>
internal sealed class ApiException(HttpStatusCode code, string reason, string message) : Exception(message)
{
    public HttpStatusCode Code { get; } = code;

    public string Reason { get; } = reason;

    public string? DetailsName { get; init; }

    public string? DetailsGroup { get; init; }

    public string? DetailsKind { get; init; }

    public IReadOnlyList<FieldError> Causes { get; init; } = [];

    public static ApiException BadRequest(string message) => new(HttpStatusCode.BadRequest, "BadRequest", message);

    public static ApiException NotFound(string groupResource, string name) =>
        new(HttpStatusCode.NotFound, "NotFound", $"{groupResource} \"{name}\" not found") { DetailsName = name, DetailsKind = KindOf(groupResource), DetailsGroup = GroupOf(groupResource) };

    public static ApiException AlreadyExists(string groupResource, string name) =>
        new(HttpStatusCode.Conflict, "AlreadyExists", $"{groupResource} \"{name}\" already exists") { DetailsName = name, DetailsKind = KindOf(groupResource), DetailsGroup = GroupOf(groupResource) };

    public static ApiException Conflict(string groupResource, string name, string why = "the object has been modified; please apply your changes to the latest version and try again") =>
        new(HttpStatusCode.Conflict, "Conflict", $"Operation cannot be fulfilled on {groupResource} \"{name}\": {why}") { DetailsName = name, DetailsKind = KindOf(groupResource), DetailsGroup = GroupOf(groupResource) };

    public static ApiException Forbidden(string message) => new(HttpStatusCode.Forbidden, "Forbidden", message);

    public static ApiException Invalid(string kind, string group, string name, IReadOnlyList<FieldError> errors)
    {
        var qualified = group.Length == 0 ? kind : $"{kind}.{group}";
        var message = $"{qualified} \"{name}\" is invalid: " + (errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]");
        return new(HttpStatusCode.UnprocessableEntity, "Invalid", message) { DetailsName = name, DetailsKind = kind, DetailsGroup = group, Causes = errors };
    }

    private static string KindOf(string groupResource) => groupResource.Split('.')[0];

    private static string? GroupOf(string groupResource) => groupResource.Contains('.', StringComparison.Ordinal) ? groupResource[(groupResource.IndexOf('.', StringComparison.Ordinal) + 1)..] : null;
}
