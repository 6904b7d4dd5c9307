using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaaS.Gateway.Metrics;

/// <summary>
/// The access log, off the hot path: a request only offers its entry to a bounded channel (dropped when
/// the writer falls behind, rather than slowing traffic); a background task writes them at Debug level,
/// category <c>PaaS.Gateway.AccessLog</c>. When that level is off, requests do not even build an entry.
/// </summary>
internal sealed partial class AccessLog(ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger("PaaS.Gateway.AccessLog");
    private readonly Channel<AccessLogEntry> _entries = Channel.CreateBounded<AccessLogEntry>(
        new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public bool Enabled => _logger.IsEnabled(LogLevel.Debug);

    public void Offer(in AccessLogEntry entry) => _entries.Writer.TryWrite(entry);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var e in _entries.Reader.ReadAllAsync(stoppingToken))
        {
            LogRequest(_logger, e.Client, e.Method, e.Host, e.Path, e.Status, e.Service, e.Destination, e.Milliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Client} \"{Method} {Host}{Path}\" {Status} service={Service} endpoint={Destination} {Milliseconds:0.0}ms")]
    private static partial void LogRequest(ILogger logger, string? client, string method, string host, string path, int status, string service, string? destination, double milliseconds);
}
