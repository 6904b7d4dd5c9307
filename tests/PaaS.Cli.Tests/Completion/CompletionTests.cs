using System.Diagnostics;

namespace PaaS.Cli.Tests.Completion;

public sealed class CompletionTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Theory]
    [InlineData("paasctl t", "teams", "tokens")]
    [InlineData("paasctl teams ", "add-member", "set-role")]
    [InlineData("paasctl teams add-member shop alice --role ", "developer", "viewer")]
    [InlineData("paasctl -o ", "yaml", "json")]
    [InlineData("paasctl quota set -n shop ", "requests.cpu=", "pods=")]
    [InlineData("paasctl completion ", "bash", "fish")]
    public async Task SuggestDirective_AtCursor_ListsCandidates(string line, string expected, string alsoExpected)
    {
        var (exitCode, output, _) = await _cli.RunAsync($"[suggest:{line.Length}]", line);

        var candidates = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(0, exitCode);
        Assert.Contains(expected, candidates);
        Assert.Contains(alsoExpected, candidates);
    }

    [Fact]
    public async Task SuggestDirective_Subcommand_DoesNotOfferOtherCommandsChildren()
    {
        var (_, output, _) = await _cli.RunAsync("[suggest:14]", "paasctl teams ");

        Assert.DoesNotContain("revoke", output, StringComparison.Ordinal);
        Assert.DoesNotContain("/?", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _paasctl_complete paasctl")]
    [InlineData("zsh", "compdef _paasctl paasctl")]
    [InlineData("fish", "complete -c paasctl")]
    public async Task Completion_Shell_PrintsScriptUsingSuggestDirective(string shell, string registration)
    {
        var (exitCode, output, _) = await _cli.RunAsync("completion", shell);

        Assert.Equal(0, exitCode);
        Assert.Contains(registration, output, StringComparison.Ordinal);
        Assert.Contains("[suggest:", output, StringComparison.Ordinal);
    }

    /// <summary>The bash script, sourced into a real bash, fills COMPREPLY from the built paasctl.</summary>
    [Fact]
    public async Task BashScript_InRealBash_CompletesSubcommandsAndRoles()
    {
        if (!File.Exists("/bin/bash"))
        {
            Assert.Fail("bash is needed to check the bash completion script");
        }

        var bin = Path.Combine(_cli.Home, "bin");
        Directory.CreateDirectory(bin);
        var paasctl = Path.Combine(bin, "paasctl");
        var dll = Path.Combine(AppContext.BaseDirectory, "paasctl.dll");
        await File.WriteAllTextAsync(paasctl, $"#!/bin/sh\nexec dotnet \"{dll}\" \"$@\"\n");
        File.SetUnixFileMode(paasctl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var (_, script, _) = await _cli.RunAsync("completion", "bash");
        await File.WriteAllTextAsync(Path.Combine(_cli.Home, "paasctl.bash"), script);

        var teams = await CompleteAsync(bin, "paasctl teams add-");
        var roles = await CompleteAsync(bin, "paasctl teams set-role shop alice --role d");

        Assert.Equal(["add-member"], teams);
        Assert.Equal(["developer"], roles);
    }

    private async Task<string[]> CompleteAsync(string bin, string line)
    {
        var words = line.Split(' ');
        var shell = $$"""
            source '{{Path.Combine(_cli.Home, "paasctl.bash")}}'
            complete -p paasctl >/dev/null || exit 9
            COMP_LINE='{{line}}'; COMP_POINT={{line.Length}}
            COMP_WORDS=({{string.Join(' ', words.Select(w => $"'{w}'"))}}); COMP_CWORD={{words.Length - 1}}
            _paasctl_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var start = new ProcessStartInfo("/bin/bash", ["--norc", "-c", shell]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"bash exited {process.ExitCode}: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public void Dispose() => _cli.Dispose();
}
