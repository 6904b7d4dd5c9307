using System.Collections.Frozen;

namespace PaaS.Core.Protobuf;

/// <summary>Collects schema messages and top-level kinds, then checks that every message reference resolves.</summary>
internal sealed class SchemaBuilder
{
    private readonly Dictionary<string, MessageBuilder> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ApiVersion, string Kind), string> kinds = [];

    public MessageBuilder Message(string name)
    {
        var builder = new MessageBuilder(name);
        if (!messages.TryAdd(name, builder))
        {
            throw new InvalidOperationException($"message {name} is declared twice");
        }

        return builder;
    }

    /// <summary>Declares a top-level kind that a runtime.Unknown envelope may carry.</summary>
    public void Kind(string apiVersion, string kind, string message) => kinds.Add((apiVersion, kind), message);

    public CompiledSchema Build()
    {
        // Resolve every reference now: a typo in a schema file must fail the first decode (and the tests), not
        // only the request that happens to contain that field.
        foreach (var message in messages.Values)
        {
            foreach (var field in message.Fields.Values)
            {
                if (field.MessageName is { } target && !messages.ContainsKey(target))
                {
                    throw new InvalidOperationException($"{message.Name} field {field.Number} refers to unknown message {target}");
                }
            }
        }

        foreach (var (kind, target) in kinds)
        {
            if (!messages.ContainsKey(target))
            {
                throw new InvalidOperationException($"kind {kind.ApiVersion} {kind.Kind} refers to unknown message {target}");
            }
        }

        var compiled = messages.ToFrozenDictionary(
            m => m.Key,
            m => new ProtoMessage(m.Key, m.Value.Fields.ToFrozenDictionary()),
            StringComparer.Ordinal);
        return new CompiledSchema(compiled, kinds.ToFrozenDictionary(k => k.Key, k => compiled[k.Value]));
    }
}
