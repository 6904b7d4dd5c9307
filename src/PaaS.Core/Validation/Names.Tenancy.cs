using System.Text.RegularExpressions;

namespace PaaS.Core.Validation;

/// <summary>Config keys (validation.IsConfigMapKey) and the platform's user names.</summary>
public static partial class Names
{
    private const string ConfigKeyFormat = "[-._a-zA-Z0-9]+";
    private const string ConfigKeyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

    private const string UserNameFormat = "[a-z0-9]([-a-z0-9._@]*[a-z0-9])?";
    private const string UserNameMessage =
        "a valid user name must consist of lower case alphanumeric characters, '-', '.', '_' or '@', and must start and end with an alphanumeric character";

    /// <summary>A key of a ConfigMap's or Secret's data: usable as a file name in a volume, so never <c>.</c> or <c>..</c>.</summary>
    public static IReadOnlyList<string> ValidateConfigMapKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (GoLength(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLengthError(Dns1123SubdomainMaxLength));
        }

        if (!ConfigKeyRegex().IsMatch(value))
        {
            errors.Add(RegexError(ConfigKeyMessage, ConfigKeyFormat, "key.name", "KEY_NAME", "key-name"));
        }

        if (value == ".")
        {
            errors.Add("must not be '.'");
        }
        else if (value == "..")
        {
            errors.Add("must not be '..'");
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            errors.Add("must not start with '..'");
        }

        return errors;
    }

    /// <summary>A team member's user name: lower case, at most 253 characters, e-mail addresses allowed.</summary>
    public static IReadOnlyList<string> ValidateUserName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (GoLength(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLengthError(Dns1123SubdomainMaxLength));
        }

        if (!UserNameRegex().IsMatch(value))
        {
            errors.Add(RegexError(UserNameMessage, UserNameFormat, "alice", "alice@example.com"));
        }

        return errors;
    }

    [GeneratedRegex("^" + ConfigKeyFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigKeyRegex();

    [GeneratedRegex("^" + UserNameFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserNameRegex();
}
