"""The completion scripts, one for each shell."""

import os
import shlex
import sys
from typing import Annotated

import typer

from ml_career.cli import completion as complete
from ml_career.cli import typer_compat
from ml_career.cli.commands import COMPLETE_VAR
from ml_career.dataset import location

commands = typer.Typer()

# Each script asks mlcareer for the candidates (Typer's protocol, cli/typer_compat.py), takes
# them as given - mlcareer has already matched them, ignoring case, against ids and names -
# and turns the files marker into the shell's own file completion. Nowhere else are files offered.
#
# It asks mlcareer's own interpreter directly, with -S and the package's folder, as found when
# the script was made: the console script that pip and pipx write imports `re` before
# mlcareer runs, which costs a TAB more than answering does. `site` is run only when Typer
# has to answer (entry.py). Where that folder has gone (mlcareer moved, upgraded or removed),
# the script asks `mlcareer` on the PATH instead.

# Candidates are read a line at a time into the array: never split and glob-expanded by the
# shell, so that `cv[1].json` stays itself.
BASH = r"""
_mlcareer_ask() {
    if [[ -f __ENTRY__ && -x __PYTHON__ ]]; then
        env "$@" __PYTHON__ -S -c __PROGRAM__ __FOLDERS__
    else
        env "$@" mlcareer
    fi
}
_mlcareer_completion() {
    local IFS=$'\n' line
    local words="${COMP_WORDS[*]}"
    COMPREPLY=()
    while IFS= read -r line; do
        [[ -n "$line" ]] && COMPREPLY+=("$line")
    done < <(_mlcareer_ask COMP_WORDS="$words" COMP_CWORD="$COMP_CWORD" __VAR__=__BASH__ 2>/dev/null)
    if [[ "${COMPREPLY[0]}" == "__FILES__" ]]; then
        COMPREPLY=()
        while IFS= read -r line; do
            COMPREPLY+=("$line")
        done < <(compgen -f -- "${COMP_WORDS[COMP_CWORD]}")
        compopt -o filenames 2>/dev/null
    fi
    return 0
}
complete -F _mlcareer_completion mlcareer
"""

# -U: mlcareer has matched the candidates (ignoring case, against titles and aliases), and zsh
# would drop those that do not begin with the word as typed. zsh then puts the candidates'
# shared beginning in place of the word. Where that beginning is not what was typed, case
# aside (`Deep`: deep-learning and tool.deep-learning share nothing; in-state and
# out-of-state share only "-state"), the first TAB lists them and keeps the word, and the
# next TAB starts the menu over them. Loaded from a file in $fpath, the file's body is the
# completion itself, so the first TAB completes; sourced, it registers.
ZSH = r"""
#compdef mlcareer
_mlcareer_ask() {
    if [[ -f __ENTRY__ && -x __PYTHON__ ]]; then
        env "$@" __PYTHON__ -S -c __PROGRAM__ __FOLDERS__
    else
        env "$@" mlcareer
    fi
}
_mlcareer() {
    local -a described values
    local line value common
    for line in "${(@f)$(_mlcareer_ask __ARGS__="${words[1,$CURRENT]}" __VAR__=__FISH__ \
        __ACTION__=__GET_ARGS__ 2>/dev/null)}"; do
        [[ -z "$line" ]] && continue
        if [[ "$line" == "__FILES__" ]]; then
            _files
            return
        fi
        value="${line%%$'\t'*}"
        values+=("$value")
        if [[ "$line" == *$'\t'* ]]; then
            described+=("${value//:/\\:}:${line#*$'\t'}")
        else
            described+=("${value//:/\\:}")
        fi
    done
    (( ${#values} )) || return 1
    _describe -t values 'mlcareer' described -U
    if (( ${#values} > 1 )) && [[ "$compstate[insert]" == *unambiguous* ]]; then
        common="$values[1]"
        for value in "${values[@]}"; do
            while [[ "$value" != ${(b)common}* ]]; do common="${common%?}"; done
        done
        [[ "${(L)common}" == ${(b)${(L)PREFIX}}* ]] || compstate[insert]=''
    fi
    return 0
}
if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then
    _mlcareer "$@"
else
    compdef _mlcareer mlcareer
fi
"""

FISH = r"""
function __mlcareer_ask
    if test -f __ENTRY__ -a -x __PYTHON__
        env $argv __PYTHON__ -S -c __PROGRAM__ __FOLDERS__
    else
        env $argv mlcareer
    end
end
function __mlcareer_complete
    set -l values (__mlcareer_ask __VAR__=__FISH__ __ACTION__=__GET_ARGS__ \
        __ARGS__=(commandline -cp) 2>/dev/null)
    if test "$values[1]" = __FILES__
        __fish_complete_path (commandline -ct)
    else
        printf '%s\n' $values
    end
end
complete --command mlcareer --no-files --arguments '(__mlcareer_complete)'
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH}

# What the script runs: the folders on the path, then what `mlcareer` itself runs.
DIRECT_PROGRAM = (
    'import sys;sys.path[0]=sys.argv[1];sys.path+=sys.argv[2:];sys.argv[:]=["mlcareer"];'
    "from ml_career.entry import run;run()"
)


def direct_command() -> list[str]:
    """The interpreter and arguments that answer a TAB for this install without its console script.

    The package's folder first; then the folder Typer is in, if it is another,
    because the completion index records which Typer module it follows (instant_completion.typer_module).
    """
    import typer as typer_module

    package = os.path.dirname(location.PACKAGE_FOLDER)
    typer_folder = os.path.dirname(os.path.dirname(os.path.abspath(typer_module.__file__ or "")))
    folders = [package] if typer_folder == package else [package, typer_folder]
    return [sys.executable, "-S", "-c", DIRECT_PROGRAM, *folders]


def _fish_quote(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'"


def script(shell: str) -> str:
    """The completion script for `shell`, for the interpreter and package folder of this run."""
    quote = _fish_quote if shell == "fish" else shlex.quote
    python, _, _, program, *folders = direct_command()
    entry = os.path.join(location.PACKAGE_FOLDER, "entry.py")
    fields = {
        "__ENTRY__": quote(entry),
        "__PYTHON__": quote(python),
        "__PROGRAM__": quote(program),
        "__FOLDERS__": " ".join(quote(folder) for folder in folders),
        "__VAR__": COMPLETE_VAR,
        "__BASH__": typer_compat.BASH_INSTRUCTION,
        "__FISH__": typer_compat.FISH_INSTRUCTION,
        "__ACTION__": typer_compat.FISH_ACTION_VAR,
        "__GET_ARGS__": typer_compat.FISH_GET_ARGS,
        "__ARGS__": typer_compat.FISH_ARGS_VAR,
        "__FILES__": complete.FILES,
    }
    text = SCRIPTS[shell]
    for field, value in fields.items():
        text = text.replace(field, value)
    return text.strip() + "\n"


def shell_choices() -> list[tuple[list[str], str]]:
    return [([name], name) for name in SCRIPTS]


def _shell_names(career: object) -> list[complete.Candidate]:
    return complete.offered(shell_choices(), described=False)


_shells = complete.completes(_shell_names, reads_data=False)


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
      mlcareer completion bash \\
        > ~/.local/share/bash-completion/completions/mlcareer
      mlcareer completion zsh > "${fpath[1]}/_mlcareer"
      mlcareer completion fish > ~/.config/fish/completions/mlcareer.fish
      eval "$(mlcareer completion zsh)"    # for this shell only, after compinit
    """
    print_script(shell)


def print_script(shell: str) -> None:
    from ml_career.dataset.names import pick

    chosen = pick("shell", shell, shell_choices())
    typer.echo(script(chosen), nl=False)
