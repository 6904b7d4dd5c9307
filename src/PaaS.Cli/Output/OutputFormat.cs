namespace PaaS.Cli.Output;

/// <summary>The <c>-o</c> values: aligned columns for people, JSON or YAML of the server's objects for scripts.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Yaml,
}
