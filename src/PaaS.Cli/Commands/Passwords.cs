using System.Security.Cryptography;
using System.Text;

namespace PaaS.Cli.Commands;

/// <summary>Passwords from stdin or a no-echo prompt, and generated ones for new users.</summary>
internal static class Passwords
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>The first line of stdin, without its line ending.</summary>
    public static string FromStdin(CliEnvironment environment)
    {
        var line = environment.Input.ReadLine();
        return string.IsNullOrEmpty(line) ? throw CliException.Usage("--password-stdin: stdin holds no password") : line.TrimEnd('\r');
    }

    /// <summary>Asks on the terminal without echoing what is typed.</summary>
    public static string Prompt(CliEnvironment environment, TextWriter prompt, string username)
    {
        if (!environment.InputIsTerminal)
        {
            throw CliException.Usage("no password: stdin is not a terminal; pass --password-stdin and the password on stdin");
        }

        prompt.Write($"Password for {username}: ");
        prompt.Flush();
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return password.Length > 0 ? password.ToString() : throw CliException.Usage("no password given");
    }

    public static string Generate(int length = 20) => RandomNumberGenerator.GetString(Alphabet, length);
}
