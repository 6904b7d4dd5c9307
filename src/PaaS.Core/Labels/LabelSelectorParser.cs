namespace PaaS.Core.Labels;

/// <summary>
/// Port of Kubernetes' recursive-descent selector Parser, kept structurally identical so that the
/// accepted language and the error messages (including their quirks) are the same.
/// </summary>
internal sealed class LabelSelectorParser
{
    private readonly List<ScannedItem> items;
    private int position;

    private LabelSelectorParser(List<ScannedItem> items) => this.items = items;

    public static List<LabelRequirement> Parse(string selector) =>
        new LabelSelectorParser(LabelSelectorLexer.ScanAll(selector)).ParseAll();

    private static FormatException Error(string message) => new(message);

    private List<LabelRequirement> ParseAll()
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            var (token, literal) = Lookahead(valuesContext: true);
            switch (token)
            {
                case LabelToken.Identifier or LabelToken.DoesNotExist:
                    requirements.Add(ParseRequirementWithContext());
                    var (next, nextLiteral) = Consume(valuesContext: true);
                    if (next == LabelToken.EndOfString)
                    {
                        return requirements;
                    }

                    if (next != LabelToken.Comma)
                    {
                        throw Error($"found '{nextLiteral}', expected: ',' or 'end of string'");
                    }

                    var (afterComma, afterCommaLiteral) = Lookahead(valuesContext: true);
                    if (afterComma is not (LabelToken.Identifier or LabelToken.DoesNotExist))
                    {
                        throw Error($"found '{afterCommaLiteral}', expected: identifier after ','");
                    }

                    break;
                case LabelToken.EndOfString:
                    return requirements;
                default:
                    throw Error($"found '{literal}', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private LabelRequirement ParseRequirementWithContext()
    {
        try
        {
            return ParseRequirement();
        }
        catch (FormatException exception)
        {
            throw new FormatException("unable to parse requirement: " + exception.Message, exception);
        }
    }

    private LabelRequirement ParseRequirement()
    {
        var (key, inferred) = ParseKeyAndInferOperator();
        if (inferred is { } unary)
        {
            return LabelRequirementFactory.Create(key, unary, []);
        }

        var op = ParseOperator();
        var values = op is LabelOperator.In or LabelOperator.NotIn ? ParseValues() : ParseExactValue();

        // Kubernetes collects values in a sorted set: duplicates collapse and order is canonical.
        return LabelRequirementFactory.Create(key, op, [.. values]);
    }

    private (string Key, LabelOperator? Operator) ParseKeyAndInferOperator()
    {
        LabelOperator? op = null;
        var (token, literal) = Consume(valuesContext: true);
        if (token == LabelToken.DoesNotExist)
        {
            op = LabelOperator.DoesNotExist;
            (token, literal) = Consume(valuesContext: true);
        }

        if (token != LabelToken.Identifier)
        {
            throw Error($"found '{literal}', expected: identifier");
        }

        LabelRequirementFactory.ValidateKey(literal, fieldPath: null);
        var (next, _) = Lookahead(valuesContext: true);
        if (op is null && next is LabelToken.EndOfString or LabelToken.Comma)
        {
            op = LabelOperator.Exists;
        }

        return (literal, op);
    }

    private LabelOperator ParseOperator()
    {
        var (token, literal) = Consume(valuesContext: false);
        return token switch
        {
            LabelToken.In => LabelOperator.In,
            LabelToken.EqualsSign or LabelToken.DoubleEquals => LabelOperator.Equals,
            LabelToken.NotIn => LabelOperator.NotIn,
            LabelToken.NotEquals => LabelOperator.NotEquals,

            // Kubernetes' own text, missing quote included; '>' and '<' (gt/lt) are rejected here on purpose.
            _ => throw Error($"found '{literal}', expected: '=', '!=', '==', 'in', notin'"),
        };
    }

    private SortedSet<string> ParseValues()
    {
        var (token, literal) = Consume(valuesContext: true);
        if (token != LabelToken.OpenParenthesis)
        {
            throw Error($"found '{literal}' expected: '('");
        }

        (token, literal) = Lookahead(valuesContext: true);
        switch (token)
        {
            case LabelToken.Identifier or LabelToken.Comma:
                var values = ParseIdentifiersList();
                if (Consume(valuesContext: true).Token != LabelToken.ClosedParenthesis)
                {
                    throw Error($"found '{literal}', expected: ')'");
                }

                return values;
            case LabelToken.ClosedParenthesis:
                // "()" means the single empty value.
                Consume(valuesContext: true);
                return NewSet(string.Empty);
            default:
                throw Error($"found '{literal}', expected: ',', ')' or identifier");
        }
    }

    private SortedSet<string> ParseIdentifiersList()
    {
        var values = NewSet();
        while (true)
        {
            var (token, literal) = Consume(valuesContext: true);
            switch (token)
            {
                case LabelToken.Identifier:
                    values.Add(literal);
                    var (next, nextLiteral) = Lookahead(valuesContext: true);
                    if (next == LabelToken.ClosedParenthesis)
                    {
                        return values;
                    }

                    if (next != LabelToken.Comma)
                    {
                        throw Error($"found '{nextLiteral}', expected: ',' or ')'");
                    }

                    break;
                case LabelToken.Comma:
                    // Empty entries ("(,a", "a,,b", "a,)") are the empty value.
                    if (values.Count == 0)
                    {
                        values.Add(string.Empty);
                    }

                    var following = Lookahead(valuesContext: true).Token;
                    if (following == LabelToken.ClosedParenthesis)
                    {
                        values.Add(string.Empty);
                        return values;
                    }

                    if (following == LabelToken.Comma)
                    {
                        Consume(valuesContext: true);
                        values.Add(string.Empty);
                    }

                    break;
                default:
                    throw Error($"found '{literal}', expected: ',', or identifier");
            }
        }
    }

    private SortedSet<string> ParseExactValue()
    {
        if (Lookahead(valuesContext: true).Token is LabelToken.EndOfString or LabelToken.Comma)
        {
            return NewSet(string.Empty);
        }

        var (token, literal) = Consume(valuesContext: true);
        return token == LabelToken.Identifier ? NewSet(literal) : throw Error($"found '{literal}', expected: identifier");
    }

    private static SortedSet<string> NewSet(params string[] values) => new(values, StringComparer.Ordinal);

    // In a values position the keywords "in" and "notin" are ordinary identifiers ("a in (in)").
    private ScannedItem Lookahead(bool valuesContext) => Contextualize(items[Math.Min(position, items.Count - 1)], valuesContext);

    private ScannedItem Consume(bool valuesContext)
    {
        var item = Lookahead(valuesContext);
        position++;
        return item;
    }

    private static ScannedItem Contextualize(ScannedItem item, bool valuesContext) =>
        valuesContext && item.Token is LabelToken.In or LabelToken.NotIn ? item with { Token = LabelToken.Identifier } : item;
}
