using System.Text;

namespace PaaS.Core.Patching;

/// <summary>An RFC 6901 JSON Pointer: <c>""</c> is the whole document, <c>~1</c> stands for '/' and <c>~0</c> for '~'.</summary>
internal sealed class JsonPointer
{
    private JsonPointer(string text, IReadOnlyList<string> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    public IReadOnlyList<string> Tokens { get; }

    public bool IsRoot => Tokens.Count == 0;

    public string Last => Tokens[^1];

    /// <exception cref="FormatException">The text does not start with '/' or has a '~' not followed by 0 or 1.</exception>
    public static JsonPointer Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }

        if (text[0] != '/')
        {
            throw new FormatException($"invalid JSON pointer \"{text}\": it must be empty or start with '/'");
        }

        var tokens = new List<string>();
        var token = new StringBuilder();
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '/')
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
            else if (text[i] != '~')
            {
                token.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] is '0' or '1')
            {
                // Decoding one escape at a time keeps "~01" as "~1", as RFC 6901 requires.
                token.Append(text[++i] == '0' ? '~' : '/');
            }
            else
            {
                throw new FormatException($"invalid JSON pointer \"{text}\": '~' must be followed by 0 or 1");
            }
        }

        return new JsonPointer(text, tokens);
    }

    /// <summary>True when <paramref name="other"/> points strictly inside the value this pointer names.</summary>
    public bool IsProperPrefixOf(JsonPointer other) =>
        other.Tokens.Count > Tokens.Count && Tokens.Select((t, i) => t == other.Tokens[i]).All(same => same);

    public JsonPointer Parent() => new(Text[..Text.LastIndexOf('/')], Tokens.Take(Tokens.Count - 1).ToArray());

    public override string ToString() => Text;
}
