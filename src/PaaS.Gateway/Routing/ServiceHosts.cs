namespace PaaS.Gateway.Routing;

/// <summary>How a service's host names are formed; the README's "Gateway" section says the same.</summary>
public static class ServiceHosts
{
    /// <summary><c>&lt;service&gt;.&lt;namespace&gt;.&lt;domain&gt;</c>: the service's first port.</summary>
    public static string Primary(string @namespace, string service, string domain) => $"{service}.{@namespace}.{domain}";

    /// <summary><c>&lt;port&gt;.&lt;service&gt;.&lt;namespace&gt;.&lt;domain&gt;</c>: the port of that name or number.</summary>
    public static string ForPort(string port, string @namespace, string service, string domain) => $"{port}.{service}.{@namespace}.{domain}";

    /// <summary>The URL forms, for messages that tell a user how to reach a service.</summary>
    public static string Forms(string domain) =>
        $"http://<service>.<namespace>.{domain}/ (first port) or http://<port name or number>.<service>.<namespace>.{domain}/";
}
