using System.Text;

namespace PaaS.Core.Labels;

/// <summary>
/// Port of Kubernetes' selector Lexer so that tokenisation, and therefore every error message,
/// matches: identifiers run until whitespace or one of = ! ( ) , &gt; &lt;, and operators are the
/// longest known symbol sequence.
/// </summary>
internal sealed class LabelSelectorLexer
{
    private static readonly Dictionary<string, LabelToken> Keywords = new(StringComparer.Ordinal)
    {
        [")"] = LabelToken.ClosedParenthesis,
        [","] = LabelToken.Comma,
        ["!"] = LabelToken.DoesNotExist,
        ["=="] = LabelToken.DoubleEquals,
        ["="] = LabelToken.EqualsSign,
        [">"] = LabelToken.GreaterThan,
        ["in"] = LabelToken.In,
        ["<"] = LabelToken.LessThan,
        ["!="] = LabelToken.NotEquals,
        ["notin"] = LabelToken.NotIn,
        ["("] = LabelToken.OpenParenthesis,
    };

    private readonly string text;
    private int position;

    private LabelSelectorLexer(string text) => this.text = text;

    /// <summary>All tokens, always ending with <see cref="LabelToken.EndOfString"/>.</summary>
    public static List<ScannedItem> ScanAll(string text)
    {
        var lexer = new LabelSelectorLexer(text);
        var items = new List<ScannedItem>();
        ScannedItem item;
        do
        {
            item = lexer.Lex();
            items.Add(item);
        }
        while (item.Token != LabelToken.EndOfString);

        return items;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecialSymbol(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';

    private ScannedItem Lex()
    {
        while (position < text.Length && IsWhitespace(text[position]))
        {
            position++;
        }

        // Go reads a NUL byte as end of input, so text after one is ignored there too.
        if (position >= text.Length || text[position] == '\0')
        {
            return new ScannedItem(LabelToken.EndOfString, string.Empty);
        }

        return IsSpecialSymbol(text[position]) ? ScanSpecialSymbol() : ScanIdentifierOrKeyword();
    }

    private ScannedItem ScanIdentifierOrKeyword()
    {
        var start = position;
        while (position < text.Length && text[position] != '\0' && !IsSpecialSymbol(text[position]) && !IsWhitespace(text[position]))
        {
            position++;
        }

        var literal = text[start..position];
        return new ScannedItem(Keywords.GetValueOrDefault(literal, LabelToken.Identifier), literal);
    }

    private ScannedItem ScanSpecialSymbol()
    {
        // Every single symbol is a token, so the first one always matches; keep extending while the
        // longer sequence is still a token ("!" then "!=").
        var buffer = new StringBuilder();
        var last = new ScannedItem(LabelToken.Error, string.Empty);
        while (position < text.Length && IsSpecialSymbol(text[position]))
        {
            buffer.Append(text[position]);
            var candidate = buffer.ToString();
            if (Keywords.TryGetValue(candidate, out var token))
            {
                last = new ScannedItem(token, candidate);
                position++;
            }
            else
            {
                break;
            }
        }

        return last;
    }
}
