using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaaS.Cli.Output;

/// <summary>Prints a result as the user asked: a table (or text) for people, the server's JSON or YAML for scripts.</summary>
internal sealed class Printer(TextWriter output, OutputFormat format)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public OutputFormat Format => format;

    public TextWriter Output => output;

    /// <summary>Writes <paramref name="data"/> as JSON or YAML, or calls <paramref name="table"/> for the table format.</summary>
    public void Print(JsonNode? data, Action<TextWriter> table)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(data?.ToJsonString(Indented) ?? "null");
                break;
            case OutputFormat.Yaml:
                output.Write(YamlText.FromJson(data));
                break;
            default:
                table(output);
                break;
        }
    }
}
