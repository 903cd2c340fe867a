"""The commands, in the order `--help` lists them, and the module under ml_career.cli that defines each.

A run imports the one module its command is in (cli/app.py builds only that command).
"""

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
