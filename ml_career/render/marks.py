"""Whose word a fact is, as a short mark beside it and a legend line under the view."""

from __future__ import annotations

from rich.text import Text

from ml_career.render.widgets import DIM

MARKS = {
    "article": "[article]",
    "computed": "[computed]",
    "mlcareer": "[mlcareer]",
    "you": "[you]",
}
MEANINGS = {
    "article": "from the source articles",
    "computed": "computed by mlcareer from the figures shown",
    "mlcareer": "mlcareer's own reading, a match or a suggestion",
    "you": "yours: what you gave, assumed or wrote, or a date that rests on it",
}


def mark(provenance: str) -> str:
    return MARKS.get(provenance, f"[{provenance}]")


def legend(*provenances: str) -> Text:
    """`Marks: [you] yours: ...; [computed] ...` for the marks a view used."""
    used = [p for p in dict.fromkeys(provenances) if p in MEANINGS]
    return Text("Marks: " + "; ".join(f"{MARKS[p]} {MEANINGS[p]}" for p in used), style=DIM)


def note_text(text: str, on: str | None = None) -> str:
    """`[you] your note: text`, or `[you] your note on PyTorch: text` where the item needs naming."""
    return f"{mark('you')} your note{f' on {on}' if on else ''}: {text}"
