"""The sections of a data file, in one table.

Integrity (unique ids, cited sources), search (what each record says and which
command shows it), the summary counts of `validate` and `sources` (which records
are figures) all read this table, so a section added here is checked, counted,
searched and cited everywhere at once.
"""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

FigureKind = Literal["money", "outlook"]
# The fields in which a record holds its article's words (each model's QUOTED, and a figure's
# quote), for readers of validated records that may come from the cache rather than the models.
QUOTED_FIELDS = ("answer", "basis", "description", "drivers", "items", "offers", "quote", "summary", "text", "work")


class Section(NamedTuple):
    """One kind of record: where it lives in the file and what reads it."""

    path: str  # the dotted field path, as problems name it
    records: Callable[["CareerData"], Sequence[Any]]
    shown_by: str  # the command whose view shows these records' text
    search_label: str
    # (title, texts) as the view shows them, title None where the record has none of its own;
    # search looks in these and nothing else.
    searchable: Callable[[Any], tuple[str | None, list[str]]] | None
    counted_as: str | None = None  # the label in validate's summary counts
    has_ids: bool = False
    # Sections whose ids name one kind of thing share a namespace: rungs, degrees and
    # steps are all steps of a plan (and events of its calendar), so no two may share an id.
    namespace: str | None = None  # default: the section's own path
    cites: bool = True  # each record names its article in `source`
    figure: FigureKind | None = None
    single: bool = False  # an optional record of its own, not a list: its path has no index


def _one(record: Any) -> list[Any]:
    return [] if record is None else [record]


def _texts(*parts: str | None) -> list[str]:
    return [part for part in parts if part]


def _skills(career: "CareerData") -> list[Any]:
    return [skill for group in career.skill_groups for skill in group.skills]


PLAN_STEPS = "plan steps (rungs, degrees and steps to the job)"

SECTIONS: tuple[Section, ...] = (
    Section("sources", lambda c: c.sources, "sources", "source", lambda s: (s.title, _texts(s.id, s.note)),
            counted_as="sources", has_ids=True, cites=False),
    Section("pay.levels", lambda c: c.pay.levels, "salary", "pay level", None, has_ids=True,
            cites=False),
    Section("pay.figures", lambda c: c.pay.figures, "salary", "pay figure",
            lambda f: (f.measure, _texts(f"{f.amount:,}", f.publisher)),
            counted_as="pay figures", has_ids=True, figure="money"),
    Section("pay.notes", lambda c: c.pay.notes, "salary", "pay note", lambda n: (None, [n.text])),
    Section("ladder", lambda c: c.ladder, "path", "ladder rung", lambda r: (r.title, [r.description]),
            counted_as="rungs", has_ids=True, namespace=PLAN_STEPS),
    Section("skill_groups", lambda c: c.skill_groups, "skills", "skill group",
            lambda g: (g.title, _texts(g.description)), has_ids=True),
    Section("skills", _skills, "skills", "skill",
            lambda s: (s.name, _texts(s.description, ", ".join(s.tools))),
            counted_as="skills", has_ids=True, cites=False),
    Section("education.degree_needed", lambda c: _one(c.education.degree_needed), "education", "education",
            lambda a: (None, [a.answer, a.text]), single=True),
    Section("education.why_degree", lambda c: _one(c.education.why_degree), "education", "education",
            lambda p: (p.title, [p.text]), single=True),
    Section("education.online", lambda c: _one(c.education.online), "education", "education",
            lambda a: (None, [a.answer, a.text]), single=True),
    Section("education.degrees", lambda c: c.education.degrees, "education", "degree",
            lambda d: (d.title, _texts(d.note)), counted_as="degrees", has_ids=True, namespace=PLAN_STEPS),
    Section("education.residencies", lambda c: c.education.residencies, "education", "residency",
            None, has_ids=True, cites=False),
    Section("education.costs", lambda c: c.education.costs, "education", "education cost",
            lambda f: (f.measure, _texts(f"{f.amount:,}", f.publisher)),
            counted_as="costs", has_ids=True, figure="money"),
    Section("education.steps", lambda c: c.education.steps, "education", "step to the job",
            lambda s: (s.title, [s.text]), has_ids=True, namespace=PLAN_STEPS),
    Section("education.entry_roles", lambda c: _one(c.education.entry_roles), "education", "entry-level roles",
            lambda r: (r.title, [", ".join(r.items)]), single=True),
    Section("resources", lambda c: c.resources, "resources", "resource",
            lambda r: (r.name, _texts(r.offers, r.url)), counted_as="resources", has_ids=True),
    Section("internships", lambda c: c.internships, "internships", "internship",
            lambda i: (i.name, _texts(i.description, ", ".join(i.examples))), counted_as="internships", has_ids=True),
    Section("outlook.figures", lambda c: c.outlook.figures, "outlook", "outlook figure",
            lambda f: (f.measure, _texts(f.period, f.publisher)),
            counted_as="outlook figures", has_ids=True, figure="outlook"),
    Section("outlook", lambda c: _one(c.outlook if c.outlook.summary else None), "outlook", "outlook",
            lambda o: (None, [o.summary]), single=True),
    Section("outlook.drivers", lambda c: c.outlook.drivers, "outlook", "outlook",
            lambda d: (None, [d]), cites=False),
    Section("outlook.statements", lambda c: c.outlook.statements, "outlook", "outlook", lambda n: (None, [n.text])),
    Section("industries", lambda c: c.industries, "jobs", "industry", lambda i: (i.name, [i.work]),
            counted_as="industries"),
    Section("employer_types", lambda c: c.employer_types, "jobs", "type of company",
            lambda e: (e.name, _texts(e.work, ", ".join(e.examples))), counted_as="company types"),
    Section("career_paths", lambda c: c.career_paths, "jobs", "career path", lambda p: (p.name, [p.description])),
    Section("related_careers", lambda c: _one(c.related_careers), "jobs", "related careers",
            lambda r: (r.title, list(r.items) or _texts(r.note)), single=True),
    Section("role.passages", lambda c: c.role.passages, "role", "role", lambda p: (p.title, [p.text])),
    Section("role.responsibilities", lambda c: c.role.responsibilities, "role", "responsibility",
            lambda r: (r.title, list(r.items))),
    Section("role.best_aspects", lambda c: _one(c.role.best_aspects), "role", "role",
            lambda r: (r.title, list(r.items)), single=True),
    Section("role.worst_aspects", lambda c: _one(c.role.worst_aspects), "role", "role",
            lambda r: (r.title, list(r.items)), single=True),
    Section("role.work_life_balance", lambda c: _one(c.role.work_life_balance), "role", "role",
            lambda p: (p.title, [p.text]), single=True),
    Section("fit", lambda c: c.fit, "fit", "self-assessment", lambda s: (s.statement, [s.basis]),
            counted_as="self-assessment statements", has_ids=True),
)  # fmt: skip
