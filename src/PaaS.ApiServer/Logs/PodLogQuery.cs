using System.Globalization;
using Microsoft.AspNetCore.Http;
using PaaS.ApiServer.Api;
using PaaS.Core.Logs;

namespace PaaS.ApiServer.Logs;

/// <summary>The query of <c>GET .../pods/{name}/log</c> (Kubernetes' PodLogOptions), validated as Kubernetes does.</summary>
internal sealed record PodLogQuery(
    string? Container, bool Follow, bool Previous, bool Timestamps, int? TailLines, long SinceUnixNano, long? LimitBytes)
{
    public static PodLogQuery Parse(IQueryCollection query, DateTimeOffset now)
    {
        var sinceSeconds = Integer(query, "sinceSeconds");
        var sinceTime = query["sinceTime"].FirstOrDefault();
        if (sinceSeconds is not null && sinceTime is not null)
        {
            throw ApiException.BadRequest("at most one of `sinceTime` or `sinceSeconds` may be specified");
        }

        var since = long.MinValue;
        if (sinceSeconds is { } seconds)
        {
            since = seconds < 1
                ? throw ApiException.BadRequest($"sinceSeconds: Invalid value: {seconds}: must be greater than 0")
                : LogTimestamp.FromDateTimeOffset(now) - (Math.Min(seconds, 1L << 32) * 1_000_000_000);
        }
        else if (sinceTime is not null && !LogTimestamp.TryParse(sinceTime, out since))
        {
            throw ApiException.BadRequest($"sinceTime: Invalid value: \"{sinceTime}\": not an RFC 3339 timestamp");
        }

        var tail = Integer(query, "tailLines");
        var limit = Integer(query, "limitBytes");
        return new PodLogQuery(
            Container: query["container"].FirstOrDefault() is { Length: > 0 } c ? c : null,
            Follow: Flag(query, "follow"),
            Previous: Flag(query, "previous"),
            Timestamps: Flag(query, "timestamps"),
            TailLines: tail switch
            {
                null => null,
                < 0 => throw ApiException.BadRequest($"tailLines: Invalid value: {tail}: must be greater than or equal to 0"),
                // More lines than a week of logs holds is "all of them".
                _ => (int)Math.Min(tail.Value, int.MaxValue),
            },
            SinceUnixNano: since,
            LimitBytes: limit is < 1 ? throw ApiException.BadRequest($"limitBytes: Invalid value: {limit}: must be greater than 0") : limit);
    }

    private static bool Flag(IQueryCollection query, string name) => query[name].FirstOrDefault() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        var other => throw ApiException.BadRequest($"{name}: Invalid value: \"{other}\": must be true or false"),
    };

    private static long? Integer(IQueryCollection query, string name) => query[name].FirstOrDefault() switch
    {
        null or "" => null,
        var text => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"{name}: Invalid value: \"{text}\": must be an integer"),
    };
}
