using System.Runtime.InteropServices;

namespace PaaS.NodeAgent.Probes;

/// <summary>The few Linux calls .NET has no API for: entering another process's network namespace.</summary>
internal static partial class Libc
{
    public const int CloneNewNet = 0x40000000;
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nsType);

    /// <summary>Opens a namespace file (<c>/proc/&lt;pid&gt;/ns/net</c>) read-only.</summary>
    /// <exception cref="IOException">With errno's text: the process is gone (ENOENT), not allowed (EACCES) ...</exception>
    public static int OpenNamespace(string path)
    {
        var fd = Open(path, ReadOnlyCloseOnExec);
        return fd >= 0 ? fd : throw Error($"open {path}");
    }

    public static void CloseNamespace(int fd) => Close(fd);

    /// <summary>Moves the calling thread (only it) into the namespace <paramref name="fd"/> refers to.</summary>
    /// <exception cref="IOException">With errno's text, e.g. EPERM when the agent lacks CAP_SYS_ADMIN.</exception>
    public static void EnterNetworkNamespace(int fd, string what)
    {
        if (SetNs(fd, CloneNewNet) != 0)
        {
            throw Error($"setns into {what}");
        }
    }

    private static IOException Error(string call)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }
}
