namespace PaaS.ApiServer.Tenancy;

/// <summary>
/// Versions of the data the API server caches in memory: tenancy (teams, namespace owners, limit
/// ranges) and tokens. Local writes bump them at once; writes by other API server instances arrive
/// through PostgreSQL notifications (<see cref="DatabaseNotifications"/>). While that listener is not
/// connected, caches must not be trusted (<see cref="Listening"/> is false) and callers read the database.
/// </summary>
internal sealed class CacheInvalidation
{
    private long _tenancy;
    private long _tokens;
    private volatile bool _listening;

    public long TenancyVersion => Interlocked.Read(ref _tenancy);

    public long TokensVersion => Interlocked.Read(ref _tokens);

    public bool Listening => _listening;

    public void TenancyChanged() => Interlocked.Increment(ref _tenancy);

    public void TokensChanged() => Interlocked.Increment(ref _tokens);

    public void SetListening(bool listening)
    {
        _listening = listening;
        TenancyChanged();
        TokensChanged();
    }
}
