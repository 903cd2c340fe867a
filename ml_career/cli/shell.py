"""Commands about the command line itself: completion scripts, and help on a command."""

from typing import Annotated

import typer

from ml_career.cli import completion as complete
from ml_career.cli.commands import COMMANDS

commands = typer.Typer()

# Each script asks mlcareer for the candidates (Typer's protocol, _MLCAREER_COMPLETE), takes
# them as given - mlcareer has already matched them, ignoring case, against ids and names -
# and turns the files marker into the shell's own file completion. Nowhere else are files offered.
BASH = r"""
_mlcareer_completion() {
    local IFS=$'\n'
    COMPREPLY=( $(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \
        _MLCAREER_COMPLETE=complete_bash "${1:-mlcareer}" 2>/dev/null) )
    if [[ "${COMPREPLY[0]}" == "__FILES__" ]]; then
        COMPREPLY=( $(compgen -f -- "${COMP_WORDS[COMP_CWORD]}") )
        compopt -o filenames 2>/dev/null
    fi
    return 0
}
complete -F _mlcareer_completion mlcareer
"""

# -U: the candidates replace the word as they are, so no shared part of them (the "-state"
# of in-state and out-of-state) is inserted on its own. Loaded from a file in $fpath, the
# file's body is the completion itself, so the first TAB completes; sourced, it registers.
ZSH = r"""
#compdef mlcareer
_mlcareer() {
    local -a described
    local line
    for line in "${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" \
        _MLCAREER_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args mlcareer 2>/dev/null)}"; do
        [[ -z "$line" ]] && continue
        if [[ "$line" == "__FILES__" ]]; then
            _files
            return
        fi
        if [[ "$line" == *$'\t'* ]]; then
            described+=("${${line%%$'\t'*}//:/\\:}:${line#*$'\t'}")
        else
            described+=("${line//:/\\:}")
        fi
    done
    (( ${#described} )) && _describe -t values 'mlcareer' described -U
}
if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then
    _mlcareer "$@"
else
    compdef _mlcareer mlcareer
fi
"""

FISH = r"""
function __mlcareer_complete
    set -l values (env _MLCAREER_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args \
        _TYPER_COMPLETE_ARGS=(commandline -cp) mlcareer 2>/dev/null)
    if test "$values[1]" = __FILES__
        __fish_complete_path (commandline -ct)
    else
        printf '%s\n' $values
    end
end
complete --command mlcareer --no-files --arguments '(__mlcareer_complete)'
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH}


def _shell_names(career: object) -> list[complete.Candidate]:
    return [complete.Candidate(name, "") for name in SCRIPTS]


_shells = complete.completes(_shell_names, reads_data=False)


def script(shell: str) -> str:
    return SCRIPTS[shell].replace("__FILES__", complete.FILES).strip() + "\n"


@commands.command()
def completion(
    shell: Annotated[
        str, typer.Argument(help="bash, zsh or fish.", metavar="SHELL", show_default=False, autocompletion=_shells)
    ],
) -> None:
    """Print the shell completion script for bash, zsh or fish.

    The script is for the shell named, whatever shell runs the command.

    \b
    Examples:
      mlcareer completion bash > ~/.local/share/bash-completion/completions/mlcareer
      mlcareer completion zsh > "${fpath[1]}/_mlcareer"
      mlcareer completion fish > ~/.config/fish/completions/mlcareer.fish
      eval "$(mlcareer completion zsh)"    # for this shell only, after compinit
    """
    print_script(shell)


def print_script(shell: str) -> None:
    from ml_career.dataset.names import pick

    chosen = pick("shell", shell, [([name], name) for name in SCRIPTS])
    typer.echo(script(chosen), nl=False)


def _command_names(career: object) -> list[complete.Candidate]:
    return [complete.Candidate(name, "") for name in COMMANDS]


_commands = complete.completes(_command_names, reads_data=False)


@commands.command("help")
def help_command(
    ctx: typer.Context,
    command: Annotated[
        str | None,
        typer.Argument(help="The command to explain.", metavar="COMMAND", show_default=False, autocompletion=_commands),
    ] = None,
) -> None:
    """Show the help of mlcareer, or of one command.

    \b
    Examples:
      mlcareer help
      mlcareer help salary
    """
    root = ctx.find_root()
    if command is None:
        typer.echo(root.get_help())
        return
    found = root.command.get_command(root, command)  # type: ignore[attr-defined]
    if found is None:
        from ml_career.cli.usage import UnknownCommand

        raise UnknownCommand(command, root)
    typer.echo(found.get_help(typer.Context(found, info_name=command, parent=root)))
