namespace PaaS.Gateway.Metrics;

/// <summary>One proxied request, as the access log writes it.</summary>
internal readonly record struct AccessLogEntry(string Service, string Method, string Host, string Path, int Status, string? Destination, string? Client, double Milliseconds);
