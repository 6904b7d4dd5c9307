using System.Text.RegularExpressions;

namespace PaaS.Cli.Parsing;

/// <summary>The <c>RESOURCE=QUANTITY</c> arguments of <c>paasctl quota set</c>, checked before anything is sent.</summary>
internal static partial class QuotaAssignments
{
    public const string Example = "pods=10 requests.cpu=4 requests.memory=8Gi";

    /// <summary>The assignments in order; a usage error naming the first bad one.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IEnumerable<string> arguments)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == argument.Length - 1)
            {
                throw CliException.Usage($"invalid quota \"{argument}\": expected RESOURCE=QUANTITY, e.g. {Example}");
            }

            var key = argument[..equals];
            var value = argument[(equals + 1)..];
            if (!ResourceName().IsMatch(key))
            {
                throw CliException.Usage($"invalid resource name \"{key}\" in \"{argument}\": use names such as pods, requests.cpu, limits.memory, count/deployments.apps");
            }

            if (!Quantity.TryParse(value, out var amount) || amount < 0)
            {
                throw CliException.Usage($"invalid quantity \"{value}\" for {key}: expected a non-negative number with an optional suffix (m, k, M, G, Ki, Mi, Gi, ...), e.g. 500m or 8Gi");
            }

            if (result.Any(r => r.Key == key))
            {
                throw CliException.Usage($"{key} is given more than once");
            }

            result.Add(new(key, value));
        }

        return result.Count > 0 ? result : throw CliException.Usage($"no quota given: pass RESOURCE=QUANTITY arguments, e.g. {Example}");
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9._/]*[a-z0-9])?$")]
    private static partial Regex ResourceName();
}
