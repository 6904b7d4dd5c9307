namespace PaaS.Core.Labels;

/// <summary>A token and the text it was scanned from (empty for the end of the string).</summary>
internal readonly record struct ScannedItem(LabelToken Token, string Literal);
