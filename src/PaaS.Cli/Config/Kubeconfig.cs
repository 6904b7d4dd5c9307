using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PaaS.Cli.Config;

/// <summary>
/// A kubeconfig held as YAML nodes rather than a typed model, so that whatever paasctl does not know
/// (exec plugins, client certificates, extensions, other tools' preferences) survives a rewrite.
/// </summary>
internal sealed partial class Kubeconfig
{
    private readonly YamlMappingNode _root;

    private Kubeconfig(YamlMappingNode root) => _root = root;

    public static Kubeconfig Empty() => new(new YamlMappingNode(
        new YamlScalarNode("apiVersion"), new YamlScalarNode("v1"),
        new YamlScalarNode("kind"), new YamlScalarNode("Config"),
        new YamlScalarNode("clusters"), new YamlSequenceNode(),
        new YamlScalarNode("users"), new YamlSequenceNode(),
        new YamlScalarNode("contexts"), new YamlSequenceNode()));

    public static Kubeconfig Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new CliException(ExitCodes.Error, $"the kubeconfig is not valid YAML: {ex.Message}", ex);
        }

        return stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root ? Empty() : new Kubeconfig(root);
    }

    /// <summary>Reads the kubeconfig at <paramref name="path"/>; an empty one when the file does not exist.</summary>
    public static Kubeconfig Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty();

    public string? CurrentContext
    {
        get => Scalar(_root, "current-context") is { Length: > 0 } name ? name : null;
        set
        {
            if (value is null)
            {
                _root.Children.Remove(new YamlScalarNode("current-context"));
            }
            else
            {
                _root.Children[new YamlScalarNode("current-context")] = Text(value);
            }
        }
    }

    public IEnumerable<KubeconfigCluster> Clusters => Entries("clusters").Select(e => ToCluster(e.Name, e.Body));

    public KubeconfigCluster? FindCluster(string name) => Find("clusters", name) is { } body ? ToCluster(name, body) : null;

    public KubeconfigUser? FindUser(string name) =>
        Find("users", name) is { } body ? new KubeconfigUser(name, Scalar(body, "token"), Scalar(body, "tokenFile")) : null;

    public KubeconfigContext? FindContext(string name) =>
        Find("contexts", name) is { } body ? new KubeconfigContext(name, Scalar(body, "cluster"), Scalar(body, "user"), Scalar(body, "namespace")) : null;

    /// <summary>Adds or updates a cluster; keys paasctl does not manage stay as they were.</summary>
    /// <param name="certificateAuthorityData">Base64 of the CA's PEM; null when <paramref name="insecureSkipTlsVerify"/> or plain HTTP.</param>
    public void SetCluster(string name, string server, string? certificateAuthorityData, bool insecureSkipTlsVerify)
    {
        var body = Upsert("clusters", "cluster", name);
        body.Children[new YamlScalarNode("server")] = Text(server);
        // kubectl rejects a cluster that has both a CA file and CA data, or a CA and the insecure flag.
        body.Children.Remove(new YamlScalarNode("certificate-authority"));
        body.Children.Remove(new YamlScalarNode("certificate-authority-data"));
        body.Children.Remove(new YamlScalarNode("insecure-skip-tls-verify"));
        if (certificateAuthorityData is not null)
        {
            body.Children[new YamlScalarNode("certificate-authority-data")] = Text(certificateAuthorityData);
        }

        if (insecureSkipTlsVerify)
        {
            body.Children[new YamlScalarNode("insecure-skip-tls-verify")] = new YamlScalarNode("true");
        }
    }

    public void SetUser(string name, string token)
    {
        var body = Upsert("users", "user", name);
        body.Children.Remove(new YamlScalarNode("tokenFile"));
        body.Children[new YamlScalarNode("token")] = Text(token);
    }

    public void SetContext(string name, string cluster, string user, string @namespace)
    {
        var body = Upsert("contexts", "context", name);
        body.Children[new YamlScalarNode("cluster")] = Text(cluster);
        body.Children[new YamlScalarNode("user")] = Text(user);
        body.Children[new YamlScalarNode("namespace")] = Text(@namespace);
    }

    public bool RemoveUser(string name) => Remove("users", name);

    /// <summary>Removes a context; when it was the current one, no context is current any more.</summary>
    public bool RemoveContext(string name)
    {
        if (CurrentContext == name)
        {
            CurrentContext = null;
        }

        return Remove("contexts", name);
    }

    public string Serialize()
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(_root)).Save(writer, assignAnchors: false);
        // YamlStream ends every document with "...": valid, but not what kubectl writes.
        var text = writer.ToString().TrimEnd();
        return (text.EndsWith("\n...", StringComparison.Ordinal) ? text[..^4] : text) + "\n";
    }

    /// <summary>Writes the kubeconfig, readable by its owner only.</summary>
    public void Save(string path) => PrivateFile.Write(path, Serialize());

    private static KubeconfigCluster ToCluster(string name, YamlMappingNode body) => new(
        name,
        Scalar(body, "server"),
        Scalar(body, "certificate-authority-data"),
        Scalar(body, "certificate-authority"),
        string.Equals(Scalar(body, "insecure-skip-tls-verify"), "true", StringComparison.OrdinalIgnoreCase));

    private IEnumerable<(string Name, YamlMappingNode Body)> Entries(string list)
    {
        if (_root.Children.TryGetValue(new YamlScalarNode(list), out var node) && node is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children.OfType<YamlMappingNode>())
            {
                if (Scalar(item, "name") is { } name && item.Children.TryGetValue(new YamlScalarNode(Singular(list)), out var body) && body is YamlMappingNode mapping)
                {
                    yield return (name, mapping);
                }
            }
        }
    }

    private YamlMappingNode? Find(string list, string name) => Entries(list).FirstOrDefault(e => e.Name == name).Body;

    private YamlMappingNode Upsert(string list, string field, string name)
    {
        if (Find(list, name) is { } existing)
        {
            return existing;
        }

        if (!_root.Children.TryGetValue(new YamlScalarNode(list), out var node) || node is not YamlSequenceNode sequence)
        {
            sequence = new YamlSequenceNode();
            _root.Children[new YamlScalarNode(list)] = sequence;
        }

        var body = new YamlMappingNode();
        sequence.Add(new YamlMappingNode(new YamlScalarNode("name"), Text(name), new YamlScalarNode(field), body));
        return body;
    }

    private bool Remove(string list, string name)
    {
        if (!_root.Children.TryGetValue(new YamlScalarNode(list), out var node) || node is not YamlSequenceNode sequence)
        {
            return false;
        }

        var matches = sequence.Children.Where(item => item is YamlMappingNode m && Scalar(m, "name") == name).ToList();
        foreach (var match in matches)
        {
            sequence.Children.Remove(match);
        }

        return matches.Count > 0;
    }

    private static string Singular(string list) => list[..^1];

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>A string scalar, quoted when plain YAML would read it as a number, boolean or null.</summary>
    private static YamlScalarNode Text(string value) =>
        NotPlainString().IsMatch(value) ? new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted } : new YamlScalarNode(value);

    [GeneratedRegex(@"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex NotPlainString();
}
