using k8s;
using k8s.Autorest;
using k8s.Models;

namespace PaaS.Controllers.Runtime;

/// <summary>What the API server said when it refused a request.</summary>
public static class ApiErrors
{
    /// <summary>The Status message of a refused request (what kubectl would print), or the exception's message.</summary>
    public static string Message(Exception error) =>
        error is HttpOperationException { Response.Content: { Length: > 0 } body }
            && KubernetesJson.Deserialize<V1Status>(body) is { Message: { Length: > 0 } message }
            ? message
            : error.Message;
}
