namespace PaaS.ApiServer.Storage;

internal enum WriteOutcome
{
    Written,
    /// <summary>The object changed (or went) since it was read: the compare-and-swap failed.</summary>
    Conflict,
    AlreadyExists,
    NamespaceNotFound,
    NamespaceTerminating,
}
