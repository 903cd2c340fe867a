"""Generate docs/cli.md, the README picture, the roadmap's screenshots and ml_career/wiring.py from the app.

uv run python scripts/generate_docs.py           # write them
uv run python scripts/generate_docs.py --check   # exit 1 if they are stale (CI)
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WIDTH = 80
PICTURE_TODAY = "2026-11-21"  # the picture shows ages as of this day, so it does not change daily


def cli_reference() -> str:
    import typer

    from ml_career.cli.app import app

    group = typer.main.get_command(app)
    sections = [
        "# mlcareer command reference",
        "",
        "Generated from the app by `scripts/generate_docs.py`; do not edit by hand.",
        "",
    ]

    def help_text(command: object, name: str, parent: object | None) -> str:
        ctx = typer.Context(
            command,  # type: ignore[arg-type]
            info_name=name,
            parent=parent,  # type: ignore[arg-type]
            terminal_width=WIDTH,
            max_content_width=WIDTH,
            help_option_names=["-h", "--help"],
        )
        return command.get_help(ctx)  # type: ignore[attr-defined,no-any-return]

    root = typer.Context(
        group, info_name="mlcareer", terminal_width=WIDTH, max_content_width=WIDTH, help_option_names=["-h", "--help"]
    )
    sections += ["## mlcareer", "", "```", help_text(group, "mlcareer", None), "```", ""]
    for name in group.list_commands(root):  # type: ignore[attr-defined]
        command = group.get_command(root, name)  # type: ignore[attr-defined]
        sections += [f"## mlcareer {name}", "", "```", help_text(command, name, root), "```", ""]
    return "\n".join(sections)


def readme_picture() -> str:
    """`mlcareer salary` as the terminal shows it, recorded as SVG."""
    os.environ["MLCAREER_TODAY"] = PICTURE_TODAY
    from rich.console import Console

    from ml_career.dataset.loading import bundled_data_path, load_career
    from ml_career.queries.salary import salary_report
    from ml_career.render.registry import render

    career = load_career(bundled_data_path())
    # The most common terminal: 80 columns.
    console = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    console.print(render(salary_report(career), WIDTH))
    return console.export_svg(title="mlcareer salary", unique_id="mlcareer-salary")


def wiring_module() -> str:
    """ml_career/wiring.py: which module holds each command and each view, read from their decorators."""
    from ml_career.cli.app import derived_command_modules
    from ml_career.render.registry import derived_view_modules

    def table(name: str, comment: str, entries: dict[str, str]) -> list[str]:
        return [
            f"# {comment}",
            f"{name}: dict[str, str] = {{",
            *(f'    "{k}": "{v}",' for k, v in entries.items()),
            "}",
        ]

    lines = [
        '"""Which module defines each command and each view: read from their decorators, never edited.',
        "",
        "A run imports only the module it needs, so it cannot read the decorators of",
        "every module to find it. scripts/generate_docs.py reads them and writes this",
        "file; its --check, run by CI and the tests, fails when the file is stale.",
        '"""',
        "",
        *table(
            "COMMAND_MODULES",
            "Command name -> its module under ml_career.cli, in the order `--help` lists them.",
            derived_command_modules(),
        ),
        "",
        *table(
            "VIEW_MODULES",
            "The module that builds a report -> the module under ml_career.render that views it.",
            derived_view_modules(),
        ),
    ]
    return "\n".join(lines) + "\n"


ROADMAP_SNAPSHOTS = REPO / "tests" / "__snapshots__" / "test_roadmap_snapshots"


def roadmap_pictures(docs: Path) -> dict[Path, str]:
    """The roadmap's screens at 80x24: the snapshots its tests hold (they renew them), copied."""
    return {
        docs / f"roadmap-{screen}.svg": (
            ROADMAP_SNAPSHOTS / f"test_each_screen_looks_as_it_did[{screen}-80x24].raw"
        ).read_text(encoding="utf-8")
        for screen in ("skills", "ladder", "plan")
    }


def generated(docs: Path) -> dict[Path, str]:
    # The wiring first, and used at once: a new command's help and view need it.
    from ml_career import wiring
    from ml_career.cli.app import derived_command_modules
    from ml_career.render.registry import derived_view_modules

    wiring.COMMAND_MODULES.clear()
    wiring.COMMAND_MODULES.update(derived_command_modules())
    wiring.VIEW_MODULES.clear()
    wiring.VIEW_MODULES.update(derived_view_modules())
    written = {REPO / "ml_career" / "wiring.py": wiring_module()}
    return {
        **written,
        docs / "cli.md": cli_reference(),
        docs / "mlcareer-salary.svg": readme_picture(),
        **roadmap_pictures(docs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a generated file is stale")
    parser.add_argument("--docs", type=Path, default=REPO / "docs", help="where the generated files live")
    options = parser.parse_args()
    stale = []
    for path, content in generated(options.docs).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            continue
        if options.check:
            stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            print(f"wrote {path}")
    for path in stale:
        print(f"{path} is stale: run `uv run python scripts/generate_docs.py`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
