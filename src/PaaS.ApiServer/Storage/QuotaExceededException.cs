using System.Text.Json.Nodes;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Storage;

/// <summary>
/// A write the quota ledger refused (<c>paas_charge_usage</c>). Its message is Kubernetes': <c>pods "web-1"
/// is forbidden: exceeded quota: compute, requested: pods=1, used: pods=10, limited: pods=10</c>.
/// </summary>
internal sealed class QuotaExceededException(string message) : Exception(message)
{
    /// <param name="databaseMessage">The JSON the database raised: <c>{"quota": name, "exceeded": {resource: {requested, used, limited}}}</c>.</param>
    public static QuotaExceededException FromDatabase(string resource, string name, string databaseMessage)
    {
        var detail = JsonNode.Parse(databaseMessage)!.AsObject();
        var exceeded = detail["exceeded"]!.AsObject();
        Dictionary<string, decimal> Column(string column) =>
            exceeded.ToDictionary(p => p.Key, p => p.Value![column]!.GetValue<decimal>());
        var quota = (string)detail["quota"]!;
        return new QuotaExceededException(
            $"{resource} \"{name}\" is forbidden: {QuotaHard.Exceeded(quota, Column("requested"), Column("used"), Column("limited"))}");
    }
}
