namespace PaaS.ApiServer.Identity;

/// <summary>A bearer token. Only its SHA-256 hash is stored; the token itself is shown once at creation.</summary>
internal sealed class ApiToken
{
    public Guid Id { get; set; }

    public Guid IdentityId { get; set; }

    public ApiIdentity? Identity { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public required string Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
