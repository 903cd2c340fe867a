"""The command line: wiring from arguments to the layers below, and back out to the terminal."""

# How the completion scripts ask for candidates, in Typer's protocol (see cli/shell.py).
COMPLETE_VAR = "_MLCAREER_COMPLETE"
