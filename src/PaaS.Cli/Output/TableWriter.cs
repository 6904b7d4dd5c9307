namespace PaaS.Cli.Output;

/// <summary>kubectl-style tables: upper-case headers, columns padded to their widest cell, three spaces apart.</summary>
internal static class TableWriter
{
    private const int Gap = 3;

    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var lines = new List<IReadOnlyList<string>> { headers.Select(h => h.ToUpperInvariant()).ToList() };
        lines.AddRange(rows);
        var widths = new int[headers.Count];
        foreach (var line in lines)
        {
            if (line.Count != headers.Count)
            {
                throw new ArgumentException($"a row has {line.Count} cells for {headers.Count} columns", nameof(rows));
            }

            for (var i = 0; i < line.Count; i++)
            {
                widths[i] = Math.Max(widths[i], line[i].Length);
            }
        }

        foreach (var line in lines)
        {
            // The last column is not padded, so lines carry no trailing spaces.
            var cells = line.Select((cell, i) => i == line.Count - 1 ? cell : cell.PadRight(widths[i] + Gap));
            output.WriteLine(string.Concat(cells).TrimEnd());
        }
    }
}
