using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using System.Text.Json.Nodes;
using PaaS.Cli.Http;
using PaaS.Cli.Output;
using PaaS.Cli.Parsing;

namespace PaaS.Cli.Commands;

/// <summary><c>paasctl quota set|show</c>: a namespace's ResourceQuota, or a team's quota across its namespaces.</summary>
internal static class QuotaCommand
{
    public const string DefaultName = "quota";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var quota = new Command("quota", "Set and show resource quotas of a namespace or a team");
        quota.Subcommands.Add(Set(globals, environment));
        quota.Subcommands.Add(Show(globals, environment));
        return quota;
    }

    private static Command Set(GlobalOptions globals, CliEnvironment environment)
    {
        var (ns, team) = (NamespaceOption(), TeamOption());
        var name = new Option<string>("--name") { Description = "The ResourceQuota's name (with --namespace)", DefaultValueFactory = _ => DefaultName };
        var limits = new Argument<string[]>("resource=quantity")
        {
            Description = $"Limits to set, e.g. {QuotaAssignments.Example}; other limits stay as they are",
            Arity = ArgumentArity.OneOrMore,
        };
        limits.CompletionSources.Add("pods=", "requests.cpu=", "requests.memory=", "limits.cpu=", "limits.memory=", "services=", "secrets=", "configmaps=", "count/deployments.apps=");
        var command = new Command("set", "Create or update a quota: a namespace's ResourceQuota or a team's quota") { ns, team, name, limits };
        command.Validators.Add(result => ExactlyOneTarget(result, ns, team));
        command.SetAction(globals, environment, async (context, ct) =>
        {
            var assignments = QuotaAssignments.Parse(context.Get(limits) ?? []);
            using var client = context.Client();
            JsonNode? result;
            string target;
            if (context.Get(team) is { } teamName)
            {
                target = $"team {teamName}";
                result = await Teams.UpdateAsync(client, teamName, t =>
                {
                    var spec = t["spec"] as JsonObject ?? (JsonObject)(t["spec"] = new JsonObject());
                    var quotaNode = spec["quota"] as JsonObject ?? (JsonObject)(spec["quota"] = new JsonObject());
                    Apply(quotaNode, assignments);
                }, ct);
            }
            else
            {
                var (nsName, quotaName) = (context.Get(ns)!, context.Get(name)!);
                target = $"resourcequota/{quotaName} in namespace {nsName}";
                result = await SetNamespaceQuotaAsync(client, nsName, quotaName, assignments, ct);
            }

            context.Printer.Print(result, output => output.WriteLine(
                $"{target}: {string.Join(", ", assignments.Select(a => $"{a.Key}={a.Value}"))}"));
        });
        return command;
    }

    private static Command Show(GlobalOptions globals, CliEnvironment environment)
    {
        var (ns, team) = (NamespaceOption(), TeamOption());
        var command = new Command("show", "Show quota use: per resource, used, hard limit and a bar") { ns, team };
        command.Validators.Add(result => ExactlyOneTarget(result, ns, team));
        command.SetAction(globals, environment, async (context, ct) =>
        {
            using var client = context.Client();
            if (context.Get(team) is { } teamName)
            {
                var teamObject = await client.GetAsync(Teams.ItemPath(teamName), ct);
                var status = teamObject?["status"]?["quota"];
                var hard = teamObject?["spec"]?["quota"]?["hard"] as JsonObject ?? status?["hard"] as JsonObject;
                context.Printer.Print(teamObject?["status"]?["quota"] ?? new JsonObject(), output =>
                {
                    output.WriteLine($"Team {teamName}, across namespaces {JsonText.Joined(teamObject?["status"]?["namespaces"])}:");
                    WriteUsage(output, hard, status?["used"] as JsonObject);
                });
                return;
            }

            var nsName = context.Get(ns)!;
            var list = await client.GetAsync($"/api/v1/namespaces/{Uri.EscapeDataString(nsName)}/resourcequotas", ct);
            var quotas = JsonText.Items(list).ToList();
            if (quotas.Count == 0 && context.Printer.Format == OutputFormat.Table)
            {
                await context.Error.WriteLineAsync($"No resource quotas in namespace {nsName}.");
                return;
            }

            context.Printer.Print(list, output =>
            {
                for (var i = 0; i < quotas.Count; i++)
                {
                    if (i > 0)
                    {
                        output.WriteLine();
                    }

                    output.WriteLine($"Quota {JsonText.Text(quotas[i]["metadata"]?["name"])} in namespace {nsName}:");
                    WriteUsage(output, quotas[i]["spec"]?["hard"] as JsonObject ?? quotas[i]["status"]?["hard"] as JsonObject, quotas[i]["status"]?["used"] as JsonObject);
                }
            });
        });
        return command;
    }

    /// <summary>
    /// One line per limited resource: used, hard and a bar of used/hard. Hard is the spec's (what was just
    /// set shows at once), used the status's (the controller's count; 0 until it has counted).
    /// </summary>
    internal static void WriteUsage(TextWriter output, JsonObject? hard, JsonObject? used)
    {
        if (hard is null || hard.Count == 0)
        {
            output.WriteLine("  no limits set");
            return;
        }

        var rows = hard.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h =>
        {
            var limit = JsonText.Text(h.Value);
            var current = used?[h.Key] is { } u ? JsonText.Text(u) : "0";
            var bar = Quantity.TryParse(current, out var usedAmount) && Quantity.TryParse(limit, out var hardAmount)
                ? QuotaBar.Render(usedAmount, hardAmount)
                : "-";
            return (IReadOnlyList<string>)[h.Key, current, limit, bar];
        });
        TableWriter.Write(output, ["resource", "used", "hard", "usage"], rows);
    }

    private static async Task<JsonNode?> SetNamespaceQuotaAsync(ApiClient client, string ns, string name, IReadOnlyList<KeyValuePair<string, string>> assignments, CancellationToken ct)
    {
        var collection = $"/api/v1/namespaces/{Uri.EscapeDataString(ns)}/resourcequotas";
        var item = $"{collection}/{Uri.EscapeDataString(name)}";
        for (var attempt = 1; ; attempt++)
        {
            JsonObject? existing;
            try
            {
                existing = await client.GetAsync(item, ct) as JsonObject;
            }
            catch (ApiException ex) when (ex.Status == HttpStatusCode.NotFound)
            {
                existing = null;
            }

            try
            {
                if (existing is null)
                {
                    var spec = new JsonObject();
                    Apply(spec, assignments);
                    return await client.PostAsync(collection, new JsonObject
                    {
                        ["apiVersion"] = "v1",
                        ["kind"] = "ResourceQuota",
                        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
                        ["spec"] = spec,
                    }, ct);
                }

                Apply(existing["spec"] as JsonObject ?? (JsonObject)(existing["spec"] = new JsonObject()), assignments);
                return await client.PutAsync(item, existing, ct);
            }
            catch (ApiException ex) when (ex.Status == HttpStatusCode.Conflict && attempt < Teams.Attempts)
            {
                // Created or changed by someone else in between: read again and set our limits on top.
            }
        }
    }

    /// <summary>Sets the limits in <c>hard</c> of <paramref name="owner"/> (a quota spec), keeping the others.</summary>
    private static void Apply(JsonObject owner, IReadOnlyList<KeyValuePair<string, string>> assignments)
    {
        var hard = owner["hard"] as JsonObject ?? (JsonObject)(owner["hard"] = new JsonObject());
        foreach (var (key, value) in assignments)
        {
            hard[key] = value;
        }
    }

    private static void ExactlyOneTarget(CommandResult result, Option<string?> ns, Option<string?> team)
    {
        if ((result.GetValue(ns) is null) == (result.GetValue(team) is null))
        {
            result.AddError("pass either --namespace NS or --team TEAM");
        }
    }

    private static Option<string?> NamespaceOption() => new("--namespace", "-n") { Description = "The namespace" };

    private static Option<string?> TeamOption() => new("--team", "-t") { Description = "The team (its quota across all its namespaces)" };
}
