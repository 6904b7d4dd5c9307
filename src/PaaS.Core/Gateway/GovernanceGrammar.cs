using System.Globalization;
using PaaS.Core.Validation;

namespace PaaS.Core.Gateway;

/// <summary>
/// The value grammars of the <c>gateway.paas.dev/*</c> annotations. Each parser returns the value, or null
/// after adding one error that says what is wrong and what would be right.
/// </summary>
internal static class GovernanceGrammar
{
    private const int MaxCount = 1_000_000;
    private const int MaxRetries = 5;
    private const int MaxFailures = 1_000;
    private static readonly TimeSpan MinDuration = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    public static RateLimit? Rate(string text, string field, List<FieldError> errors)
    {
        // <count>/s|m [burst <n>]
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slash = words.Length > 0 ? words[0].IndexOf('/', StringComparison.Ordinal) : -1;
        TimeSpan? period = slash < 0 ? null : words[0][(slash + 1)..] switch
        {
            "s" => TimeSpan.FromSeconds(1),
            "m" => TimeSpan.FromMinutes(1),
            _ => null,
        };
        var burst = 0;
        if (period is null || !Integer(words[0][..slash], out var count)
            || !(words.Length == 1 || (words.Length == 3 && words[1] == "burst" && Integer(words[2], out burst))))
        {
            errors.Add(FieldError.Invalid(field, text, "not a rate; use <count>/s or <count>/m, optionally followed by \"burst <n>\" (e.g. 100/s burst 200)"));
            return null;
        }

        if (words.Length == 1)
        {
            burst = count; // one period's allowance
        }

        if (count is < 1 or > MaxCount || burst is < 1 or > MaxCount)
        {
            errors.Add(FieldError.Invalid(field, text, $"the count and the burst must be between 1 and {MaxCount}, inclusive"));
            return null;
        }

        return new RateLimit(count, period.Value, burst);
    }

    public static int? Retries(string text, string field, List<FieldError> errors)
    {
        if (Integer(text, out var retries) && retries <= MaxRetries)
        {
            return retries;
        }

        errors.Add(FieldError.Invalid(field, text, $"must be an integer between 0 and {MaxRetries}, inclusive"));
        return null;
    }

    public static TimeSpan? Timeout(string text, string field, List<FieldError> errors) => Duration(text, field, errors, "");

    public static CircuitBreakerPolicy? CircuitBreaker(string text, string field, List<FieldError> errors)
    {
        // <consecutive failures>/<open duration>
        var parts = text.Split('/');
        if (parts.Length != 2 || !Integer(parts[0].Trim(), out var failures))
        {
            errors.Add(FieldError.Invalid(field, text, "not a circuit breaker; use <consecutive failures>/<open duration> (e.g. 5/30s)"));
            return null;
        }

        if (failures is < 1 or > MaxFailures)
        {
            errors.Add(FieldError.Invalid(field, text, $"the number of failures must be between 1 and {MaxFailures}, inclusive"));
            return null;
        }

        return Duration(parts[1].Trim(), field, errors, "the open duration: ") is { } open ? new CircuitBreakerPolicy(failures, open) : null;
    }

    public static CanaryPolicy? Canary(string text, string field, List<FieldError> errors)
    {
        // <service>=<percent>
        var parts = text.Split('=');
        if (parts.Length != 2 || !Integer(parts[1].Trim(), out var percent))
        {
            errors.Add(FieldError.Invalid(field, text, "not a canary; use <service>=<percent> (e.g. web-v2=10)"));
            return null;
        }

        var service = parts[0].Trim();
        var problems = Names.ValidateDns1123Label(service);
        if (problems.Count > 0)
        {
            errors.Add(FieldError.Invalid(field, text, "the service name: " + problems[0]));
            return null;
        }

        if (percent is < 1 or > 99)
        {
            errors.Add(FieldError.Invalid(field, text, "the percent must be between 1 and 99, inclusive"));
            return null;
        }

        return new CanaryPolicy(service, percent);
    }

    /// <summary><c>&lt;n&gt;ms|s|m</c>, 1 ms–10 min. Whole numbers only: <c>1.5s</c> is written <c>1500ms</c>.</summary>
    private static TimeSpan? Duration(string text, string field, List<FieldError> errors, string what)
    {
        var (digits, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1L)
            : text.EndsWith('s') ? (text[..^1], 1_000L)
            : text.EndsWith('m') ? (text[..^1], 60_000L)
            : (text, 0L);
        if (unit == 0 || !Integer(digits, out var amount))
        {
            errors.Add(FieldError.Invalid(field, text, what + "not a duration; use <n>ms, <n>s or <n>m (e.g. 500ms, 5s, 2m)"));
            return null;
        }

        var duration = TimeSpan.FromMilliseconds(amount * unit);
        if (duration < MinDuration || duration > MaxDuration)
        {
            errors.Add(FieldError.Invalid(field, text, what + "must be between 1ms and 10m, inclusive"));
            return null;
        }

        return duration;
    }

    /// <summary>Plain decimal digits: no sign, no spaces, no thousands separators.</summary>
    private static bool Integer(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
