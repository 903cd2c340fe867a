"""The bundled data file made 10 or 100 times larger, to see what grows with the data."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "ml_engineer.toml"


SCALED_LISTS = ("internships", "industries", "employer_types", "career_paths", "resources")


def toml_value(value: object) -> str:
    """A value as inline TOML: enough of a writer for the data file's own types."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(type(value))


def scaled_data(work: Path, factor: int) -> Path:
    """The bundled data with its long lists repeated `factor` times, ids and names made unique."""
    document = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
    for key in SCALED_LISTS:
        originals = document[key]
        copies = []
        for copy in range(1, factor):
            for record in originals:
                clone = dict(record)
                for field in ("id", "name"):
                    if field in clone:
                        clone[field] = f"{clone[field]}-{copy}" if field == "id" else f"{clone[field]} ({copy})"
                copies.append(clone)
        document[key] = originals + copies
    groups = document["skill_groups"]
    for copy in range(1, factor):
        for group in list(groups[:4]):
            clone = dict(group, id=f"{group['id']}-{copy}", title=f"{group['title']} ({copy})", roadmap=False)
            clone["skills"] = [dict(skill, id=f"{skill['id']}-{copy}") for skill in group["skills"]]
            groups.append(clone)
    path = work / f"scaled-{factor}x.toml"
    path.write_text("".join(f"{key} = {toml_value(value)}\n" for key, value in document.items()), encoding="utf-8")
    return path
