namespace PaaS.Host;

internal static partial class HostLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Role '{Role}' is accepted but this build has no implementation of it yet; it does nothing")]
    public static partial void RoleNotBuilt(ILogger logger, string role);
}
