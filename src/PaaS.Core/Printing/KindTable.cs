using System.Text.Json.Nodes;

namespace PaaS.Core.Printing;

/// <summary>
/// A kind's column definitions and the function that fills one row. The row always has every column, wide ones
/// included: kube-apiserver prints with Wide set and leaves hiding priority-1 columns to kubectl.
/// </summary>
internal sealed record KindTable(IReadOnlyList<TableColumn> Columns, Func<JsonObject, DateTimeOffset, PrintedRow> Print);
