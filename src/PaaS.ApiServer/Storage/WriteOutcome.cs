namespace PaaS.ApiServer.Storage;

internal enum WriteOutcome
{
    Written,
    /// <summary>The object changed (or went) since it was read: the compare-and-swap failed.</summary>
    Conflict,
    AlreadyExists,
    NamespaceNotFound,
    NamespaceTerminating,

    /// <summary>The quota policy the write was admitted with is outdated; the store retries it itself.</summary>
    PolicyChanged,
}
