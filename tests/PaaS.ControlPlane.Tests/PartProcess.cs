using System.Diagnostics;

namespace PaaS.ControlPlane.Tests;

/// <summary>
/// A platform part (<c>paas --roles ...</c>) in a process of its own, so a test can SIGKILL it, or SIGSTOP
/// and SIGCONT it, as a crash or a long GC pause would. Its output goes to a log file next to the test home.
/// </summary>
internal sealed class PartProcess : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private PartProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>The Lease holder identity this process uses starts with this (host and process id).</summary>
    public string IdentityPrefix => $"{Environment.MachineName}-{Pid}-";

    /// <summary>Starts the <c>paas</c> host next to the tests with <paramref name="roles"/> and <paramref name="settings"/> as arguments.</summary>
    public static PartProcess Start(string roles, IEnumerable<KeyValuePair<string, string?>> settings, string logDirectory)
    {
        var log = Path.Combine(logDirectory, $"{roles.Replace(',', '-')}-{Guid.NewGuid().ToString("N")[..6]}.log");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "paas"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--roles={roles}");
        foreach (var (key, value) in settings.Where(s => s.Key != "roles" && s.Value is not null))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("paas did not start");
        var writer = TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => writer.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => writer.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PartProcess(process);
    }

    /// <summary>SIGKILL: no shutdown, no lease release.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            Resume();
            Kill();
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Pid} failed with exit code {kill.ExitCode}");
        }
    }
}
