"""The names the command line answers to: its commands, and the variable completion asks by.

A run imports the one module its command is in (cli/app.py builds only that
command). Nothing is imported here: the completion fast path reads it too.
"""

# How the completion scripts ask for candidates, in Typer's protocol (see cli/shell.py).
COMPLETE_VAR = "_MLCAREER_COMPLETE"

# Command name -> the module under ml_career.cli that defines it, in the order `--help` lists them.
COMMANDS: dict[str, str] = {
    "salary": "pay",
    "path": "pay",
    "skills": "learning",
    "education": "learning",
    "resources": "learning",
    "role": "catalog",
    "outlook": "catalog",
    "jobs": "catalog",
    "internships": "catalog",
    "sources": "catalog",
    "search": "catalog",
    "validate": "data",
    "schema": "data",
    "plan": "advisor",
    "fit": "advisor",
    "progress": "advisor",
    "gap": "advisor",
    "export": "advisor",
    "completion": "shell",
    "help": "shell",
}
