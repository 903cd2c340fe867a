"""The modules the commands live in, and the variable completion asks by.

A run imports the one module its command is in (cli/app.py builds only that
command). Nothing is imported here: the completion fast path reads it too.
"""

# How the completion scripts ask for candidates, in Typer's protocol (see cli/shell.py).
COMPLETE_VAR = "_MLCAREER_COMPLETE"

# The modules under ml_career.cli that define commands, in the order `--help` lists them. Which
# command each defines is read from its decorators into ml_career/wiring.py (scripts/generate_docs.py).
FAMILIES = ("pay", "learning", "catalog", "data", "advisor", "roadmap", "shell", "guide")
