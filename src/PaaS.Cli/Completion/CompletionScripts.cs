namespace PaaS.Cli.Completion;

/// <summary>
/// Shell completion scripts. Each asks paasctl itself through System.CommandLine's
/// <c>[suggest:POSITION]</c> directive, passing the command line up to the cursor, so completions always
/// match the binary's commands and options.
/// </summary>
internal static class CompletionScripts
{
    public static readonly string[] Shells = ["bash", "zsh", "fish"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw CliException.Usage($"unknown shell \"{shell}\": use bash, zsh or fish"),
    };

    private const string Bash = """
        # paasctl completion for bash. Install: source <(paasctl completion bash)
        _paasctl_complete()
        {
            local line="${COMP_LINE:0:COMP_POINT}"
            local IFS=$'\n'
            local candidates
            candidates=$("${COMP_WORDS[0]}" "[suggest:${#line}]" "${line}" 2>/dev/null)
            COMPREPLY=( $(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _paasctl_complete paasctl

        """;

    private const string Zsh = """
        #compdef paasctl
        # paasctl completion for zsh. Install: source <(paasctl completion zsh)
        _paasctl() {
            local line="${BUFFER[1,CURSOR]}"
            local -a candidates
            candidates=("${(@f)$(${words[1]} "[suggest:${#line}]" "${line}" 2>/dev/null)}")
            compadd -- "${candidates[@]}"
        }
        compdef _paasctl paasctl

        """;

    private const string Fish = """
        # paasctl completion for fish. Install: paasctl completion fish | source
        function __paasctl_complete
            set -l line (commandline -cp)
            paasctl "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c paasctl -f -a '(__paasctl_complete)'

        """;
}
