using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Tenancy;

/// <summary>
/// Who belongs to which team with which role, and which team owns each namespace: everything the
/// authorizer needs, read from the Team objects and the namespaces' <c>paas.dev/team</c> labels.
/// </summary>
internal sealed class TenancySnapshot(
    IReadOnlyDictionary<string, string> namespaceTeams,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> teamMembers)
{
    private readonly Dictionary<string, Dictionary<string, string>> _userTeams = IndexByUser(teamMembers);

    public static TenancySnapshot Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, IReadOnlyDictionary<string, string>>());

    /// <summary>The user's role in the team owning <paramref name="ns"/>, or null when the user is not a member (or no team owns it).</summary>
    public string? RoleIn(string user, string ns) =>
        namespaceTeams.TryGetValue(ns, out var team) ? RoleInTeam(user, team) : null;

    public string? RoleInTeam(string user, string team) =>
        _userTeams.TryGetValue(user, out var teams) && teams.TryGetValue(team, out var role) ? role : null;

    /// <summary>Every team, sorted.</summary>
    public IReadOnlyList<string> AllTeams => teamMembers.Keys.Order(StringComparer.Ordinal).ToList();

    public string? TeamOf(string ns) => namespaceTeams.GetValueOrDefault(ns);

    /// <summary>The user's teams and roles.</summary>
    public IReadOnlyDictionary<string, string> TeamsOf(string user) =>
        _userTeams.TryGetValue(user, out var teams) ? teams : new Dictionary<string, string>();

    /// <summary>The namespaces owned by <paramref name="team"/>, sorted.</summary>
    public IReadOnlyList<string> NamespacesOfTeam(string team) =>
        namespaceTeams.Where(p => p.Value == team).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The namespaces in which the user holds at least <paramref name="minimumRole"/>.</summary>
    public IReadOnlyList<string> NamespacesOf(string user, string minimumRole)
    {
        var teams = TeamsOf(user);
        return namespaceTeams
            .Where(p => teams.TryGetValue(p.Value, out var role) && Rank(role) >= Rank(minimumRole))
            .Select(p => p.Key)
            .ToList();
    }

    /// <summary>viewer &lt; developer &lt; owner; anything else ranks below viewer.</summary>
    public static int Rank(string? role) => role switch
    {
        TeamRoles.Owner => 3,
        TeamRoles.Developer => 2,
        TeamRoles.Viewer => 1,
        _ => 0,
    };

    private static Dictionary<string, Dictionary<string, string>> IndexByUser(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> teamMembers)
    {
        var byUser = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (team, members) in teamMembers)
        {
            foreach (var (user, role) in members)
            {
                if (!byUser.TryGetValue(user, out var teams))
                {
                    byUser[user] = teams = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                teams[team] = role;
            }
        }

        return byUser;
    }
}
