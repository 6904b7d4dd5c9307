using Microsoft.EntityFrameworkCore;
using PaaS.ApiServer.Storage;

namespace PaaS.ApiServer.Identity;

/// <summary>Creates identities and tokens, and resolves a presented token to its identity.</summary>
internal sealed class IdentityService(IDbContextFactory<PaasDbContext> contexts, TimeProvider time)
{
    public async Task<ApiIdentity> CreateAsync(string name, IdentityKind kind, bool isAdmin, string? password, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var identity = new ApiIdentity
        {
            Id = Guid.NewGuid(),
            Name = name,
            Kind = kind,
            IsAdmin = isAdmin,
            PasswordHash = password is null ? null : PasswordHasher.Hash(password),
            CreatedAt = time.GetUtcNow(),
        };
        db.Identities.Add(identity);
        await db.SaveChangesAsync(ct);
        return identity;
    }

    /// <summary>Issues a token; the returned plaintext is the only copy (only its hash is stored).</summary>
    public async Task<string> IssueTokenAsync(Guid identityId, string description, TimeSpan? lifetime, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = TokenHasher.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.NewGuid(),
            IdentityId = identityId,
            TokenHash = TokenHasher.Hash(token),
            Description = description,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = lifetime is { } l ? time.GetUtcNow() + l : null,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<ApiIdentity?> FindByNameAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Identities.AsNoTracking().SingleOrDefaultAsync(i => i.Name == name, ct);
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Identities.AnyAsync(i => i.IsAdmin, ct);
    }

    /// <summary>The identity a live (unexpired, unrevoked) token belongs to, or null.</summary>
    public async Task<ApiIdentity?> AuthenticateAsync(string token, CancellationToken ct)
    {
        var hash = TokenHasher.Hash(token);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Select(t => t.Identity)
            .SingleOrDefaultAsync(ct);
    }
}
