using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PaaS.Core.Gateway;
using PaaS.Gateway.Proxy;
using PaaS.Gateway.Routing;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;

namespace PaaS.Gateway.Governance;

/// <summary>
/// Per-service governance on the proxy path, in this order: the overall and per-client rate limits (429 with
/// <c>Retry-After</c>), the circuit breaker (503 while open), the canary split (the request goes to the other
/// service's endpoints), the request timeout (504; it bounds the whole request, retries included), and bounded
/// retries of idempotent requests on another endpoint after a connect failure, a reset or empty reply (what
/// Docker's userland proxy gives when the app behind it is dead), a 502 or a 503.
/// </summary>
internal sealed class GovernanceMiddleware(ServicePolicies policies) : IServiceMiddleware
{
    /// <summary>Set while another attempt may follow: a 502/503 answer's body is then held back (see <see cref="RetryableResponses"/>).</summary>
    internal const string MayRetryKey = "paas.gateway.may-retry";

    /// <summary>Set by the response transform when it held a 502/503 answer back for a retry.</summary>
    internal const string HeldBackKey = "paas.gateway.held-back";

    private static readonly object True = true;
    private static readonly object False = false;

    public async Task InvokeAsync(HttpContext context, ServiceRoute service, RequestDelegate rest)
    {
        var policy = policies.For(service);
        if (policy.IsNone)
        {
            await rest(context);
            return;
        }

        if (policy.Overall is { } overall && !overall.TryTake(out var wait))
        {
            await RefuseAsync(context, StatusCodes.Status429TooManyRequests, $"rate limit of service {service.Key} exceeded\n", wait);
            return;
        }

        if (policy.PerClient is { } perClient && !perClient.TryTake(context.Connection.RemoteIpAddress?.ToString() ?? "", out var clientWait))
        {
            await RefuseAsync(context, StatusCodes.Status429TooManyRequests, $"per-client rate limit of service {service.Key} exceeded\n", clientWait);
            return;
        }

        if (policy.Breaker is { } breaker && !breaker.TryEnter())
        {
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, $"circuit open for service {service.Key}: recent requests failed\n", null);
            return;
        }

        if (policy.Canary is { } split && split.NextIsCanary())
        {
            SendToCanary(context, service, policy.Governance.Canary!.Service);
        }

        using var timeout = policy.Governance.Timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var clientAborted = context.RequestAborted;
        if (timeout is not null)
        {
            timeout.CancelAfter(policy.Governance.Timeout!.Value);
            context.RequestAborted = timeout.Token;
        }

        var (failure, status) = await ForwardWithRetriesAsync(context, policy.Retries, rest);
        if (timeout is { IsCancellationRequested: true } && !clientAborted.IsCancellationRequested)
        {
            failure = UpstreamFailure.Timeout;
            if (!context.Response.HasStarted)
            {
                context.Features.Set<IForwarderErrorFeature>(null);
                await RefuseAsync(context, StatusCodes.Status504GatewayTimeout, $"service {service.Key} did not answer within {policy.Governance.Timeout!.Value.TotalMilliseconds:0} ms\n", null);
            }
        }

        policy.Breaker?.Report(failure == UpstreamFailure.None && status < 500);
    }

    private static async Task<(UpstreamFailure Failure, int Status)> ForwardWithRetriesAsync(HttpContext context, RetryPolicy retries, RequestDelegate rest)
    {
        var proxy = context.GetReverseProxyFeature();
        // Kept before forwarding: load balancing narrows the feature's list to the one destination it picked.
        var candidates = proxy.AvailableDestinations;
        for (var attempt = 1; ; attempt++)
        {
            var mayRetry = attempt < retries.MaxAttempts && RetryPolicy.IsIdempotent(context.Request.Method);
            if (mayRetry || attempt > 1)
            {
                context.Items[MayRetryKey] = mayRetry ? True : False;
                context.Items.Remove(HeldBackKey);
            }
            await rest(context);
            var failure = Classify(context.Features.Get<IForwarderErrorFeature>());
            var status = context.Response.StatusCode;
            if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested || !retries.ShouldRetry(context.Request.Method, attempt, failure, status))
            {
                return (failure, status);
            }

            // Another endpoint, if there is one: the one that failed is left out of this request's choices.
            var others = candidates.Where(d => d != proxy.ProxiedDestination).ToList();
            if (others.Count == 0)
            {
                return (failure, status);
            }

            proxy.AvailableDestinations = candidates = others;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
        }
    }

    /// <summary>YARP's error → the failure kinds the retry policy knows.</summary>
    private static UpstreamFailure Classify(IForwarderErrorFeature? error) => error?.Error switch
    {
        null or ForwarderError.None => UpstreamFailure.None,
        ForwarderError.Request when IsConnectFailure(error.Exception) => UpstreamFailure.ConnectFailed,
        ForwarderError.Request or ForwarderError.ResponseHeaders => UpstreamFailure.ResetOrEmptyReply,
        ForwarderError.RequestTimedOut => UpstreamFailure.Timeout,
        _ => UpstreamFailure.Other,
    };

    private static bool IsConnectFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sends the request to the canary service's endpoints (same port name, else its first port).</summary>
    private static void SendToCanary(HttpContext context, ServiceRoute service, string canary)
    {
        var proxyState = context.RequestServices.GetRequiredService<IProxyStateLookup>();
        var cluster = (proxyState.TryGetCluster($"{service.Namespace}/{canary}:{service.Port}", out var samePort) ? samePort : null)
            ?? proxyState.GetClusters().FirstOrDefault(c => c.ClusterId.StartsWith($"{service.Namespace}/{canary}:", StringComparison.Ordinal));
        if (cluster?.DestinationsState.AvailableDestinations is { Count: > 0 })
        {
            context.ReassignProxyRequest(cluster);
        }
    }

    private static Task RefuseAsync(HttpContext context, int status, string body, TimeSpan? retryAfter)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return context.Response.WriteAsync(body);
    }
}
