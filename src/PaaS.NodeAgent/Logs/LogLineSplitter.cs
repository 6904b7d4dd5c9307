using System.Text;

namespace PaaS.NodeAgent.Logs;

/// <summary>
/// Cuts one stream's bytes (stdout or stderr) into lines. Docker's multiplexed frames need not end at a line
/// break, and a multi-byte character may straddle two reads, so bytes wait here until their line is complete.
/// </summary>
internal sealed class LogLineSplitter
{
    private byte[] _pending = new byte[4096];
    private int _length;

    public void Append(ReadOnlySpan<byte> data, List<string> lines)
    {
        EnsureRoom(data.Length);
        data.CopyTo(_pending.AsSpan(_length));
        _length += data.Length;
        var start = 0;
        int end;
        while ((end = _pending.AsSpan(start, _length - start).IndexOf((byte)'\n')) >= 0)
        {
            lines.Add(Encoding.UTF8.GetString(_pending, start, end));
            start += end + 1;
        }

        // Move the unfinished line to the front once per read, not once per line.
        _pending.AsSpan(start, _length - start).CopyTo(_pending);
        _length -= start;
    }

    /// <summary>The last line, when the output ended without a line break.</summary>
    public void Flush(List<string> lines)
    {
        if (_length > 0)
        {
            lines.Add(Encoding.UTF8.GetString(_pending, 0, _length));
            _length = 0;
        }
    }

    private void EnsureRoom(int more)
    {
        if (_length + more > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _length + more));
        }
    }
}
