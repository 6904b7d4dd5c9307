namespace PaaS.Controllers.Runtime;

/// <summary>The fencing token of the current leadership term (null while not leading).</summary>
public sealed class FencingToken
{
    private volatile string? _value;

    public string? Value
    {
        get => _value;
        set => _value = value;
    }
}

/// <summary>
/// Adds the leader's fencing token (<c>X-Paas-Fencing</c>) to every write the part sends, except to the
/// leader-election Leases themselves: the API server refuses writes whose Lease changed hands meanwhile.
/// </summary>
public sealed class FencingHandler(FencingToken token) : DelegatingHandler
{
    public const string Header = "X-Paas-Fencing";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var electionLease = path.Contains($"/namespaces/{Leadership.LeaseNamespace}/leases", StringComparison.Ordinal);
        if (request.Method != HttpMethod.Get && !electionLease && token.Value is { } value)
        {
            request.Headers.TryAddWithoutValidation(Header, value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
