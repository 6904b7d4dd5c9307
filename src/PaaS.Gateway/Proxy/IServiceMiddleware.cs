using Microsoft.AspNetCore.Http;
using PaaS.Gateway.Routing;

namespace PaaS.Gateway.Proxy;

/// <summary>
/// The extension point for per-service governance (rate limits, retries, circuit breaking, timeouts,
/// weighted canary splits). Every registered middleware runs, in registration order, for every request
/// routed to a service: after the route is matched and ready endpoints are known, before an endpoint is
/// picked. It may answer itself (429, 503) instead of calling the rest of the pipeline, wrap
/// it (timeouts, retries), or narrow <c>IReverseProxyFeature.AvailableDestinations</c>
/// (canary). The service's annotations come with its <see cref="ServiceRoute"/>, so no API call is needed.
/// Register implementations as singletons of this interface in the host's services.
/// </summary>
public interface IServiceMiddleware
{
    Task InvokeAsync(HttpContext context, ServiceRoute service, RequestDelegate rest);
}
