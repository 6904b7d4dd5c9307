using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace PaaS.Gateway.Governance;

/// <summary>
/// A 502 or 503 from an endpoint, while another attempt may follow, is held back (its body not sent, so the
/// response has not started) and the governance middleware retries on another endpoint; the client sees only
/// the last attempt's answer.
/// </summary>
internal static class RetryableResponses
{
    public static void Add(TransformBuilderContext transforms) => transforms.AddResponseTransform(context =>
    {
        if (context.ProxyResponse?.StatusCode is System.Net.HttpStatusCode.BadGateway or System.Net.HttpStatusCode.ServiceUnavailable
            && context.HttpContext.Items.TryGetValue(GovernanceMiddleware.MayRetryKey, out var mayRetry) && mayRetry is true)
        {
            context.SuppressResponseBody = true;
            context.HttpContext.Items[GovernanceMiddleware.HeldBackKey] = true;
        }

        return default;
    });
}
