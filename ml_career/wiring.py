"""Which module defines each command and each view: read from their decorators, never edited.

A run imports only the module it needs, so it cannot read the decorators of
every module to find it. scripts/generate_docs.py reads them and writes this
file; its --check, run by CI and the tests, fails when the file is stale.
"""

# Command name -> its module under ml_career.cli, in the order `--help` lists them.
COMMAND_MODULES: dict[str, str] = {
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
    "roadmap": "roadmap",
    "completion": "shell",
    "help": "guide",
}

# The module that builds a report -> the module under ml_career.render that views it.
VIEW_MODULES: dict[str, str] = {
    "ml_career.advisor.fit": "advisor",
    "ml_career.advisor.gap": "gap",
    "ml_career.advisor.gap_against": "gap",
    "ml_career.advisor.plan": "advisor",
    "ml_career.advisor.progress": "advisor",
    "ml_career.dataset.validation": "data",
    "ml_career.queries.education": "learning",
    "ml_career.queries.internships": "catalog",
    "ml_career.queries.jobs": "catalog",
    "ml_career.queries.ladder": "pay",
    "ml_career.queries.outlook": "catalog",
    "ml_career.queries.overview": "overview",
    "ml_career.queries.resources": "learning",
    "ml_career.queries.role": "catalog",
    "ml_career.queries.salary": "pay",
    "ml_career.queries.search": "catalog",
    "ml_career.queries.skills": "learning",
    "ml_career.queries.sources": "catalog",
}
