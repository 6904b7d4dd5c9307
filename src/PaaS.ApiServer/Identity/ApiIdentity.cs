namespace PaaS.ApiServer.Identity;

/// <summary>A user or a system part (controllers, scheduler, a node agent, ...) that can hold tokens.</summary>
internal sealed class ApiIdentity
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public IdentityKind Kind { get; set; }

    public bool IsAdmin { get; set; }

    /// <summary>PBKDF2 hash (see <see cref="PasswordHasher"/>); null for identities that sign in with tokens only.</summary>
    public string? PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ApiToken> Tokens { get; set; } = [];
}
