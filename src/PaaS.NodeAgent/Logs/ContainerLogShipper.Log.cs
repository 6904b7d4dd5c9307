using Microsoft.Extensions.Logging;

namespace PaaS.NodeAgent.Logs;

public sealed partial class ContainerLogShipper
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the node's log cursors failed, retrying: {Reason}")]
    private static partial void LogCursorsFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipping {Count} log lines of container {ContainerId} failed, retrying: {Reason}")]
    internal static partial void LogShipFailed(ILogger logger, int count, string containerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API refused {Count} log lines of container {ContainerId}; dropped: {Reason}")]
    internal static partial void LogShipRefused(ILogger logger, int count, string containerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the log of container {ContainerId} failed, reopening: {Reason}")]
    internal static partial void LogReadFailed(ILogger logger, string containerId, string reason);
}
