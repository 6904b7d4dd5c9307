using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaaS.ApiServer.Storage;
using PaaS.ApiServer.Tenancy;

namespace PaaS.ApiServer.Identity;

/// <summary>
/// Users, system identities and their tokens. A presented token is resolved through a cache that is
/// dropped whenever any token is revoked, on any API server instance (<see cref="CacheInvalidation"/>),
/// and is not used at all while that signal is not listening; expiry is checked on every request.
/// So a revoked or expired token is refused at once.
/// </summary>
internal sealed class IdentityService(IDbContextFactory<PaasDbContext> contexts, CacheInvalidation invalidation, TimeProvider time)
{
    /// <summary>Dummy hash checked when the user does not exist, so a login takes as long either way.</summary>
    private static readonly string MissingUserHash = PasswordHasher.Hash(Guid.NewGuid().ToString());

    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);
    private long _tokensVersion = -1;

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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new IdentityExistsException(name);
        }

        return identity;
    }

    /// <summary>The system identity of a platform part, created on first use.</summary>
    public async Task<ApiIdentity> EnsureSystemIdentityAsync(string name, CancellationToken ct)
    {
        if (await FindByNameAsync(name, ct) is { } existing)
        {
            return existing.Kind == IdentityKind.System ? existing : throw new InvalidOperationException($"\"{name}\" is a user, not a system identity");
        }

        try
        {
            return await CreateAsync(name, IdentityKind.System, isAdmin: false, password: null, ct);
        }
        catch (IdentityExistsException)
        {
            return (await FindByNameAsync(name, ct))!;
        }
    }

    /// <summary>Issues a token; the returned plaintext is the only copy (only its hash is stored).</summary>
    public async Task<(string Token, ApiToken Record)> IssueTokenAsync(Guid identityId, string description, TimeSpan? lifetime, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = TokenHasher.NewToken();
        var record = new ApiToken
        {
            Id = Guid.NewGuid(),
            IdentityId = identityId,
            TokenHash = TokenHasher.Hash(token),
            Description = description,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = lifetime is { } l ? time.GetUtcNow() + l : null,
        };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return (token, record);
    }

    /// <summary>The user, when the password is right; null otherwise (unknown users take as long).</summary>
    public async Task<ApiIdentity?> VerifyPasswordAsync(string name, string password, CancellationToken ct)
    {
        var identity = await FindByNameAsync(name, ct);
        var valid = PasswordHasher.Verify(password, identity?.PasswordHash ?? MissingUserHash);
        return valid && identity is { Kind: IdentityKind.User, PasswordHash: not null } ? identity : null;
    }

    public async Task<ApiIdentity?> FindByNameAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Identities.AsNoTracking().SingleOrDefaultAsync(i => i.Name == name, ct);
    }

    public async Task<List<ApiIdentity>> ListUsersAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Identities.AsNoTracking().Where(i => i.Kind == IdentityKind.User).OrderBy(i => i.Name).ToListAsync(ct);
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Identities.AnyAsync(i => i.IsAdmin, ct);
    }

    public async Task<List<ApiToken>> ListTokensAsync(Guid identityId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking().Where(t => t.IdentityId == identityId).OrderBy(t => t.CreatedAt).ToListAsync(ct);
    }

    /// <summary>
    /// Revokes one of the identity's tokens. The revocation and the <c>paas_tokens</c> notification commit
    /// together, so every API server drops its cached tokens as soon as the revocation is visible.
    /// </summary>
    public async Task<ApiToken?> RevokeAsync(Guid identityId, Guid tokenId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.IdentityId == identityId, ct);
        if (token is null)
        {
            return null;
        }

        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{DatabaseNotifications.TokensChannel}', '')", ct);
        await transaction.CommitAsync(ct);
        invalidation.TokensChanged();
        return token;
    }

    /// <summary>The identity and token a live (unexpired, unrevoked) token belongs to, or null.</summary>
    public async Task<(ApiIdentity Identity, Guid TokenId)?> AuthenticateAsync(string token, CancellationToken ct)
    {
        var hash = TokenHasher.Hash(token);
        var now = time.GetUtcNow();
        var version = invalidation.TokensVersion;
        if (Interlocked.Exchange(ref _tokensVersion, version) != version || !invalidation.Listening)
        {
            _tokens.Clear();
        }

        if (_tokens.TryGetValue(hash, out var cached) && now - cached.CachedAt < CacheFor)
        {
            return cached.ExpiresAt is { } expires && expires <= now ? null : (cached.Identity, cached.TokenId);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Select(t => new { t.Id, t.ExpiresAt, t.Identity })
            .SingleOrDefaultAsync(ct);
        if (found?.Identity is null)
        {
            return null;
        }

        if (invalidation.Listening && invalidation.TokensVersion == version)
        {
            _tokens[hash] = new CachedToken(found.Identity, found.Id, found.ExpiresAt, now);
        }

        return (found.Identity, found.Id);
    }

    /// <summary>Bounds how long a cached identity (its name and admin flag) may lag behind the database.</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private sealed record CachedToken(ApiIdentity Identity, Guid TokenId, DateTimeOffset? ExpiresAt, DateTimeOffset CachedAt);
}

/// <summary>A user or system identity of that name exists already.</summary>
internal sealed class IdentityExistsException(string name) : Exception($"identity \"{name}\" already exists")
{
    public string Name { get; } = name;
}
