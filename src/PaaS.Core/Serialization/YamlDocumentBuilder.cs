using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PaaS.Core.Serialization;

/// <summary>
/// Builds JSON nodes from one document's parser events, iteratively so deep input cannot overflow the
/// stack. Semantic errors are thrown as <see cref="YamlException"/> with the offending position, like
/// YamlDotNet's own syntax errors.
/// </summary>
internal sealed class YamlDocumentBuilder
{
    // Deep enough for any manifest; keeps JsonNode.DeepClone and Utf8JsonWriter (limit 1000) safe.
    private const int MaxDepth = 1000;

    private readonly IParser parser;
    private readonly Dictionary<string, Anchored> anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> frames = new();

    // Anchors whose collection is still open. As in go-yaml, an anchor names the node that most recently
    // started with it, so an alias to one of these is a node containing itself.
    private readonly Dictionary<string, Frame> openAnchors = new(StringComparer.Ordinal);
    private readonly YamlAliasBudget budget = new();

    private YamlDocumentBuilder(IParser parser) => this.parser = parser;

    /// <summary>Every document in the stream, in order; empty documents are null.</summary>
    public static List<JsonNode?> ReadAll(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var documents = new List<JsonNode?>();
        while (!parser.TryConsume<StreamEnd>(out _))
        {
            parser.Consume<DocumentStart>();
            documents.Add(new YamlDocumentBuilder(parser).ReadDocument());
            parser.Consume<DocumentEnd>();
        }

        return documents;
    }

    private JsonNode? ReadDocument()
    {
        while (true)
        {
            var parsingEvent = parser.Consume<ParsingEvent>();
            Completed? completed = parsingEvent switch
            {
                Scalar scalar => ReadScalar(scalar),
                AnchorAlias alias => ReadAlias(alias),
                MappingStart start => Open(new JsonObject(), start),
                SequenceStart start => Open(new JsonArray(), start),
                MappingEnd or SequenceEnd => Close(),
                _ => throw new YamlException(parsingEvent.Start, parsingEvent.End, "unexpected " + parsingEvent.GetType().Name),
            };
            if (completed is not null && Deliver(completed, out var root))
            {
                return root;
            }
        }
    }

    private Completed ReadScalar(Scalar scalar)
    {
        budget.CountNode();
        var value = YamlScalarResolver.Resolve(scalar);
        if (!scalar.Anchor.IsEmpty)
        {
            openAnchors.Remove(scalar.Anchor.Value);
            anchors[scalar.Anchor.Value] = new Anchored(value, 1);
        }

        var isMergeKey = scalar.Value == "<<" && scalar.Style == ScalarStyle.Plain
            && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific || scalar.Tag.Value == YamlTags.Merge);
        return new Completed(value, scalar, isMergeKey);
    }

    private Completed ReadAlias(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (openAnchors.ContainsKey(name))
        {
            throw new YamlException(alias.Start, alias.End, $"anchor '{name}' value contains itself");
        }

        if (!anchors.TryGetValue(name, out var anchored))
        {
            throw new YamlException(alias.Start, alias.End, $"unknown anchor '{name}' referenced");
        }

        if (!budget.TryExpand(anchored.NodeCount))
        {
            throw new YamlException(alias.Start, alias.End, "document contains excessive aliasing");
        }

        // A JSON node has one parent, so every use of an anchored collection is its own copy.
        var value = anchored.Value is JsonNode collection ? collection.DeepClone() : anchored.Value;
        return new Completed(value, alias, IsMergeKey: false);
    }

    private Completed? Open(JsonNode collection, NodeEvent start)
    {
        if (frames.Count >= MaxDepth)
        {
            throw new YamlException(start.Start, start.End, $"exceeded max depth of {MaxDepth}");
        }

        budget.CountNode();
        var frame = new Frame(collection, start, budget.Decoded - 1);
        frames.Push(frame);
        if (!start.Anchor.IsEmpty)
        {
            openAnchors[start.Anchor.Value] = frame;
        }

        return null;
    }

    private Completed Close()
    {
        var frame = frames.Pop();
        var anchor = frame.Start.Anchor;

        // Not registered when a nested node reused the name: that inner node keeps it.
        if (!anchor.IsEmpty && openAnchors.TryGetValue(anchor.Value, out var open) && ReferenceEquals(open, frame))
        {
            openAnchors.Remove(anchor.Value);
            anchors[anchor.Value] = new Anchored(frame.Node, budget.Decoded - frame.StartCount);
        }

        return new Completed(frame.Node, frame.Start, IsMergeKey: false);
    }

    // Hands a finished node to its parent; true when it has none, i.e. it is the document's root.
    private bool Deliver(Completed completed, out JsonNode? root)
    {
        root = null;
        if (frames.Count == 0)
        {
            root = ToNode(completed);
            return true;
        }

        var parent = frames.Peek();
        if (parent.Node is JsonArray array)
        {
            array.Add(ToNode(completed));
        }
        else if (!parent.HasKey)
        {
            parent.AcceptKey(completed.IsMergeKey ? null : ToKey(completed), completed.IsMergeKey);
        }
        else if (parent.IsMerging)
        {
            YamlMerge.Into((JsonObject)parent.Node, completed.Value, completed.Event);
            parent.ClearKey();
        }
        else
        {
            ((JsonObject)parent.Node)[parent.Key!] = ToNode(completed);
            parent.ClearKey();
        }

        return false;
    }

    private static JsonNode? ToNode(Completed completed) =>
        YamlJsonValues.TryToNode(completed.Value, out var node, out var error)
            ? node
            : throw new YamlException(completed.Event.Start, completed.Event.End, error);

    private static string ToKey(Completed completed) =>
        YamlJsonValues.ToKey(completed.Value, out var error)
            ?? throw new YamlException(completed.Event.Start, completed.Event.End, error);

    private sealed record Anchored(object? Value, long NodeCount);

    /// <summary>A finished node: a resolved scalar (null, bool, long, ulong, double, string) or a collection.</summary>
    private sealed record Completed(object? Value, ParsingEvent Event, bool IsMergeKey);

    private sealed class Frame(JsonNode node, NodeEvent start, long startCount)
    {
        public JsonNode Node { get; } = node;

        public NodeEvent Start { get; } = start;

        public long StartCount { get; } = startCount;

        public bool HasKey { get; private set; }

        public bool IsMerging { get; private set; }

        public string? Key { get; private set; }

        public void AcceptKey(string? key, bool isMerge)
        {
            HasKey = true;
            IsMerging = isMerge;
            Key = key;
        }

        public void ClearKey()
        {
            HasKey = false;
            IsMerging = false;
            Key = null;
        }
    }
}
