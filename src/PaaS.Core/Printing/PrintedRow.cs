using System.Text.Json.Nodes;

namespace PaaS.Core.Printing;

/// <summary>One object's cells, in column order, plus metav1.TableRowCondition entries (only finished pods carry any).</summary>
internal sealed record PrintedRow(JsonArray Cells, JsonArray? Conditions = null)
{
    /// <summary>Cells are strings or integers, like the Go printers' <c>string</c> and <c>int64</c> values.</summary>
    public static PrintedRow Of(params object[] cells)
    {
        var array = new JsonArray();
        foreach (var cell in cells)
        {
            array.Add(cell switch
            {
                string text => JsonValue.Create(text),
                long number => JsonValue.Create(number),
                _ => throw new ArgumentException($"unsupported cell type {cell.GetType().Name}", nameof(cells)),
            });
        }

        return new PrintedRow(array);
    }
}
