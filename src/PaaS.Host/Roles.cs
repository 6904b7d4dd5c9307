namespace PaaS.Host;

/// <summary>The parts one process can run (<c>--roles api,controllers,...</c>; default all), as k3s does.</summary>
public static class Roles
{
    public const string Api = "api";
    public const string Controllers = "controllers";
    public const string Scheduler = "scheduler";
    public const string Agent = "agent";
    public const string Gateway = "gateway";
    public const string Builder = "builder";

    public static readonly IReadOnlyList<string> All = [Api, Controllers, Scheduler, Agent, Gateway, Builder];

    /// <summary>Roles whose part is built; the others are accepted so deployments can name them now.</summary>
    public static readonly IReadOnlyList<string> Implemented = [Api, Agent, Controllers, Scheduler, Gateway];

    public static IReadOnlySet<string> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() == "all")
        {
            return All.ToHashSet();
        }

        var roles = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = roles.Except(All).ToList();
        return unknown.Count == 0
            ? roles
            : throw new ArgumentException($"unknown role(s): {string.Join(", ", unknown)}; valid roles: all, {string.Join(", ", All)}");
    }
}
