using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace PaaS.Core.OpenApi;

/// <summary>
/// Field descriptions for <c>explain</c>: the KubernetesClient package's XML docs carry each Kubernetes field
/// description as the property summary. The SDK does not copy package XML docs to the output folder, so the
/// file is looked for next to the assembly and then in the NuGet package cache; without it descriptions are empty.
/// </summary>
internal static partial class ModelDocs
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Summaries = new(Load);

    public static string? Of(Type model) => Summaries.Value.GetValueOrDefault("T:" + model.FullName);

    public static string? Of(PropertyInfo property) =>
        Summaries.Value.GetValueOrDefault($"P:{property.DeclaringType?.FullName}.{property.Name}");

    private static Dictionary<string, string> Load()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Candidates().FirstOrDefault(File.Exists) is { } path)
        {
            Read(path, result);
        }

        // The platform's own kinds (paas.dev) are documented in this assembly's XML docs, built beside it.
        var own = typeof(ModelDocs).Assembly.Location;
        if (own.Length > 0 && Path.ChangeExtension(own, ".xml") is { } ownDocs && File.Exists(ownDocs))
        {
            Read(ownDocs, result);
        }

        return result;
    }

    private static void Read(string path, Dictionary<string, string> result)
    {
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            string? member = null;
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "member")
                {
                    member = reader.GetAttribute("name");
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.Name == "summary" && IsModelMember(member))
                {
                    // Summaries may hold <see>/<para> elements; their text is the description. ReadFrom moves past the element.
                    var text = Whitespace().Replace(((XElement)XNode.ReadFrom(reader)).Value, " ").Trim();
                    result.TryAdd(member!, text);
                    continue;
                }

                reader.Read();
            }
        }
        catch (XmlException)
        {
            // A damaged doc file only costs descriptions.
        }
    }

    private static bool IsModelMember(string? member) =>
        member is { Length: > 2 }
        && (member.AsSpan(2).StartsWith("k8s.Models.", StringComparison.Ordinal)
            || member.AsSpan(2).StartsWith("PaaS.Core.Tenancy.V1", StringComparison.Ordinal));

    private static IEnumerable<string> Candidates()
    {
        var assembly = typeof(k8s.Models.V1Pod).Assembly;
        if (assembly.Location.Length > 0)
        {
            yield return Path.ChangeExtension(assembly.Location, ".xml");
        }

        yield return Path.Combine(AppContext.BaseDirectory, "KubernetesClient.xml");

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var framework = $"net{Environment.Version.Major}.0";

        // The package version is the informational version without its commit suffix, or the first three parts of the file version.
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        var file = assembly.GetName().Version?.ToString(3);
        foreach (var version in new[] { informational, file }.OfType<string>().Distinct())
        {
            yield return Path.Combine(packages, "kubernetesclient", version, "lib", framework, "KubernetesClient.xml");
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
