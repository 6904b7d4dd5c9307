namespace PaaS.Core.Labels;

/// <summary>Tokens of Kubernetes' label selector lexer.</summary>
internal enum LabelToken
{
    Error,
    EndOfString,
    ClosedParenthesis,
    Comma,
    DoesNotExist,
    DoubleEquals,
    EqualsSign,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenParenthesis,
}
