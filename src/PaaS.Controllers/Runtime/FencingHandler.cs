namespace PaaS.Controllers.Runtime;

/// <summary>
/// One running instance of a control-plane part (<paramref name="part"/>, e.g. <c>paas-scheduler</c>): its
/// identity as a Lease holder and the fencing token of its current leadership term (null while not leading).
/// </summary>
public sealed class FencingToken(string part)
{
    private volatile string? _value;

    /// <summary>This instance's identity: host, process and a random part (restarts and in-process tests differ).</summary>
    public string Identity { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Sent as User-Agent with every request, so the audit log tells instances of one identity apart.</summary>
    public string UserAgent => $"{part}/{Identity}";

    public string? Value
    {
        get => _value;
        set => _value = value;
    }
}

/// <summary>
/// Adds the leader's fencing token (<c>X-Paas-Fencing</c>) to every write the part sends, except to the
/// leader-election Leases themselves: the API server refuses writes whose Lease changed hands meanwhile.
/// Every request also names the instance in its User-Agent.
/// </summary>
public sealed class FencingHandler(FencingToken token) : DelegatingHandler
{
    public const string Header = "X-Paas-Fencing";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", token.UserAgent);
        var path = request.RequestUri?.AbsolutePath ?? "";
        var electionLease = path.Contains($"/namespaces/{Leadership.LeaseNamespace}/leases", StringComparison.Ordinal);
        if (request.Method != HttpMethod.Get && !electionLease && token.Value is { } value)
        {
            request.Headers.TryAddWithoutValidation(Header, value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
