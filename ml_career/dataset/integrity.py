"""Checks that span the whole data file: references between records resolve.

The models check each record on its own; these checks find what only the whole
file can show, such as a figure citing a source that is not listed, or two rungs
answering to the same name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ml_career.dataset.models import CareerData
from ml_career.dataset.names import names_in, normalise
from ml_career.dataset.sections import SECTIONS
from ml_career.errors import Problem


def reference_problems(career: CareerData) -> list[Problem]:
    """Every broken reference, duplicate id or clashing name in the data."""
    return [
        *_duplicate_ids(career),
        *_tool_ids(career),
        *_unknown_sources(career),
        *_pay_references(career),
        *_education_references(career),
        *_skill_references(career),
        *_tool_need_words(career),
        *_spelling_references(career),
        *_clashing_level_names(career),
    ]


def _duplicate_ids(career: CareerData) -> Iterator[Problem]:
    """Two records of one namespace with the same id: the first keeps it, each other one is named."""
    first: dict[tuple[str, str], str] = {}  # (namespace, id) -> where it is first given
    for section in SECTIONS:
        if not section.has_ids:
            continue
        namespace = section.namespace or section.path
        for index, record in enumerate(section.records(career)):
            where = f"{section.path}.{index}"
            taken = first.setdefault((namespace, record.id), where)
            if taken == where:
                continue
            if taken.rpartition(".")[0] == section.path:
                yield Problem(f"{where}.id", f"duplicate id {record.id!r}")
            else:
                message = f"duplicate id {record.id!r}, already used by {taken}: {namespace} share one set of ids"
                yield Problem(f"{where}.id", message)


def _tool_ids(career: CareerData) -> Iterator[Problem]:
    """A tool's id is made from its name (items.py): a name with no letter or digit would make it empty."""
    for group_index, group in enumerate(career.skill_groups):
        for skill_index, skill in enumerate(group.skills):
            for tool_index, tool in enumerate(skill.tools):
                if not normalise(tool):
                    where = f"skill_groups.{group_index}.skills.{skill_index}.tools.{tool_index}"
                    yield Problem(where, f"the tool name {tool!r} has no letter or digit, so its id would be empty")


def _cited_sources(career: CareerData) -> Iterator[tuple[str, str | None]]:
    """(field path, source id) for every record that cites a source."""
    for section in SECTIONS:
        if not section.cites:
            continue
        for index, record in enumerate(section.records(career)):
            where = section.path if section.single else f"{section.path}.{index}"
            yield f"{where}.source", record.source


def _unknown_sources(career: CareerData) -> Iterator[Problem]:
    known = {source.id for source in career.sources}
    for where, source in _cited_sources(career):
        if source is not None and source not in known:
            yield Problem(where, f"unknown source {source!r}; sources are: {', '.join(sorted(known))}")


def _pay_references(career: CareerData) -> Iterator[Problem]:
    pay = career.pay
    levels = {level.id for level in pay.levels}
    rungs = {rung.id for rung in career.ladder}
    figures = {figure.id for figure in pay.figures}
    if pay.national_average is not None and pay.national_average not in figures:
        yield Problem("pay.national_average", f"no pay figure has the id {pay.national_average!r}")
    for index, figure in enumerate(pay.figures):
        if figure.level not in levels:
            yield Problem(f"pay.figures.{index}.level", f"unknown level {figure.level!r}")
    for index, level in enumerate(pay.levels):
        if level.rung is not None and level.rung not in rungs:
            yield Problem(f"pay.levels.{index}.rung", f"unknown rung {level.rung!r}")


def _education_references(career: CareerData) -> Iterator[Problem]:
    education = career.education
    degrees = {degree.id for degree in education.degrees}
    residencies = {residency.id for residency in education.residencies}
    for index, cost in enumerate(education.costs):
        if cost.degree not in degrees:
            yield Problem(f"education.costs.{index}.degree", f"unknown degree {cost.degree!r}")
        if cost.residency not in residencies:
            yield Problem(f"education.costs.{index}.residency", f"unknown residency {cost.residency!r}")
    for index, degree in enumerate(education.degrees):
        if degree.requires is not None and degree.requires not in degrees:
            yield Problem(f"education.degrees.{index}.requires", f"unknown degree {degree.requires!r}")
    for index, step in enumerate(education.steps):
        if step.degree is not None and step.degree not in degrees:
            yield Problem(f"education.steps.{index}.degree", f"unknown degree {step.degree!r}")


def _skill_references(career: CareerData) -> Iterator[Problem]:
    resources = {resource.id for resource in career.resources}
    rungs = {rung.id for rung in career.ladder}
    for group_index, group in enumerate(career.skill_groups):
        if group.rung is not None and group.rung not in rungs:
            yield Problem(f"skill_groups.{group_index}.rung", f"unknown rung {group.rung!r}")
        for skill_index, skill in enumerate(group.skills):
            for resource_index, resource in enumerate(skill.resources):
                if resource not in resources:
                    where = f"skill_groups.{group_index}.skills.{skill_index}.resources.{resource_index}"
                    yield Problem(where, f"unknown resource {resource!r}")


# The word each need is read from, so that the reading can be traced to the article's words.
NEED_WORDS = {"one-of": re.compile(r"\bor\b"), "examples": re.compile(r"\be\.g\.")}


def _tool_need_words(career: CareerData) -> Iterator[Problem]:
    """A need's words are the description's own, name some of its tools, and hold the word the need is read from."""
    for group_index, group in enumerate(career.skill_groups):
        for skill_index, skill in enumerate(group.skills):
            placed: set[str] = set()
            for need_index, need in enumerate(skill.tool_needs):
                where = f"skill_groups.{group_index}.skills.{skill_index}.tool_needs.{need_index}.words"
                named = names_in(need.words, skill.tools)
                if need.words not in (skill.description or ""):
                    yield Problem(where, f"{need.words!r} is not in the skill's description")
                elif not named:
                    yield Problem(where, f"{need.words!r} names none of the skill's tools")
                elif not NEED_WORDS[need.need].search(need.words):
                    yield Problem(where, f"a {need.need} need is read from the words {NEED_WORDS[need.need].pattern!r}")
                elif placed.intersection(named):
                    yield Problem(where, f"{', '.join(sorted(placed.intersection(named)))} has another need already")
                placed.update(named)


def _spelling_references(career: CareerData) -> Iterator[Problem]:
    """A spelling belongs to one skill or tool of the data, and names no other one."""
    names = {normalise(skill.name) for group in career.skill_groups for skill in group.skills}
    names |= {normalise(tool) for group in career.skill_groups for skill in group.skills for tool in skill.tools}
    for index, spelling in enumerate(career.spellings):
        if normalise(spelling.name) not in names:
            yield Problem(f"spellings.{index}.name", f"no skill or tool is named {spelling.name!r}")
        for other in spelling.spellings:
            if normalise(other) in names or not normalise(other):
                yield Problem(f"spellings.{index}.spellings", f"{other!r} is the name of a skill or tool, or no name")


def _clashing_level_names(career: CareerData) -> Iterator[Problem]:
    """A name may point at a rung and at the pay level linked to it, nothing else."""
    linked_level = {level.rung: level.id for level in career.pay.levels if level.rung}
    claimed: dict[str, tuple[str | None, str | None]] = {}
    named: list[tuple[str, str, tuple[str | None, str | None]]] = []
    target: tuple[str | None, str | None]
    for index, rung in enumerate(career.ladder):
        target = (rung.id, linked_level.get(rung.id))
        for name in (rung.id, rung.title, *rung.aliases):
            named.append((f"ladder.{index}", name, target))
    for index, level in enumerate(career.pay.levels):
        target = (level.rung, level.id)
        for name in (level.id, level.label, *level.aliases):
            named.append((f"pay.levels.{index}", name, target))
    reported: set[str] = set()
    for where, name, target in named:
        key = normalise(name)
        if not key:
            yield Problem(f"{where}", f"the name {name!r} has no letter or digit, so no one could type it")
            continue
        if claimed.setdefault(key, target) != target and key not in reported:
            reported.add(key)
            yield Problem(f"{where}.aliases", f"the name {name!r} already names another level")
