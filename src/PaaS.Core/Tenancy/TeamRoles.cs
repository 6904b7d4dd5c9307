namespace PaaS.Core.Tenancy;

/// <summary>
/// The roles of a team member. Viewers read (all but secrets); developers also write workloads,
/// services, config and secrets; owners also manage the team's members.
/// </summary>
public static class TeamRoles
{
    public const string Owner = "owner";
    public const string Developer = "developer";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Owner, Developer, Viewer];
}
