"""The schema of a career data file.

Nothing here is specific to machine learning: any occupation whose pay, ladder, skills and education can be
cited from sources fits these models. Every model forbids unknown fields and coerces nothing, so a typo in a
data file is an error rather than a silently ignored value."""

# No `from __future__ import annotations`: Python evaluates each annotation as the class is defined,
# which is cheaper than pydantic evaluating the strings itself on every run that validates.
from typing import ClassVar, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ml_career.dataset.fields import (
    Amount,
    DataKind,
    Measure,
    MonthOrYear,
    ReasonRules,
    Slug,
    Text,
    WebAddress,
    Years,
    reason_for,
    reasons_in_schema,
)
from ml_career.provenance import Kind

SCHEMA_VERSION = 1


class Record(BaseModel):
    # defer_build: each model would otherwise build its validator when the class is defined, and CareerData would
    # build them all again as its parts. Deferred, the one validator used is built once, when a file is first validated.
    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, defer_build=True, json_schema_extra=reasons_in_schema
    )
    REASONS: ClassVar[ReasonRules] = ()


class Attributed(Record):
    """A record whose words are either an article's or mlcareer's own.

    With `provenance = "article"` (the default) every field named in QUOTED is the
    cited article's words, verbatim, with `[...]` where words are left out; the
    tests hold each against the article. With `provenance = "mlcareer"` the words
    are mlcareer's own reading, shown as such, and `reason` says why they are there.
    """

    QUOTED: ClassVar[tuple[str, ...]] = ()
    REASONS: ClassVar[ReasonRules] = (
        ("reason", {"required": ["provenance"], "properties": {"provenance": {"const": Kind.MLCAREER.value}}}),
    )
    provenance: DataKind = Kind.ARTICLE
    reason: Text | None = Field(default=None, validate_default=True)

    @field_validator("reason")
    @classmethod
    def _reason_with_own_words(cls, reason: str | None, info: ValidationInfo) -> str | None:
        own = info.data.get("provenance") == Kind.MLCAREER
        return reason_for("reason", own, reason, "these are mlcareer's own words")


class Career(Attributed):
    QUOTED = ("summary",)
    id: Slug
    title: Text
    summary: Text
    currency: Text
    source: Text | None = None


class Source(Record):
    """One article the data was transcribed from.

    `title` is the article's own title, verbatim; an untitled article leaves it out and
    gives mlcareer's short `description` of it instead. `reading` is mlcareer's reading of
    what the article is (such as a publisher's own post), with its `reading_reason`.
    """

    id: Text
    title: Text | None = None
    description: Text | None = Field(default=None, validate_default=True)
    note: Text | None = None
    reading: Text | None = None
    reading_reason: Text | None = Field(default=None, validate_default=True)

    @field_validator("description")
    @classmethod
    def _untitled_described(cls, description: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("title") is None and description is None:
            raise ValueError("an article without its own title needs mlcareer's short description of it")
        return description

    @field_validator("reading_reason")
    @classmethod
    def _reading_explained(cls, reason: str | None, info: ValidationInfo) -> str | None:
        read = info.data.get("reading") is not None
        return reason_for("reading_reason", read, reason, "reading what an article is, is mlcareer's")


class Note(Attributed):
    QUOTED = ("text",)
    text: Text
    source: Text


class Passage(Attributed):
    QUOTED = ("text",)
    title: Text | None = None
    # A title is the article's own heading, verbatim, unless this says why mlcareer wrote it.
    title_reason: Text | None = None
    text: Text
    source: Text


class ItemList(Attributed):
    QUOTED = ("items",)
    title: Text
    title_reason: Text | None = None  # as Passage's
    items: list[Text]
    source: Text
    note: Text | None = None


class Answer(Attributed):
    """A yes/no question an article answers, with its reasoning."""

    QUOTED = ("answer", "text")
    answer: Text
    text: Text
    source: Text


class PayLevel(Record):
    """A level that a salary figure is reported for, such as "Entry-Level"."""

    REASONS = (("rung_reason", {"required": ["rung"], "properties": {"rung": {"type": "string"}}}),)
    id: Slug
    label: Text
    rung: Slug | None = None
    # Matching a reported level to a rung is mlcareer's reading, never the article's: say why.
    rung_reason: Text | None = Field(default=None, validate_default=True)
    # True for a figure about the career as a whole, whatever the level (an average base salary).
    all_levels: bool = False
    # Where the article does not say that a figure covers every level, taking it so is mlcareer's reading.
    all_levels_reason: Text | None = None
    aliases: list[Text] = []

    @field_validator("rung_reason")
    @classmethod
    def _rung_match_explained(cls, reason: str | None, info: ValidationInfo) -> str | None:
        matched = info.data.get("rung") is not None
        return reason_for("rung_reason", matched, reason, "matching a level to a rung is mlcareer's reading")


class CitedAmount(Record):
    """An amount of money as a source reports it: what it measures, who says so, when."""

    amount: Amount
    currency: Text
    measure: Text
    publisher: Text | None = None
    # Where the article names the publisher only near the figure, taking it as the figure's is mlcareer's reading.
    publisher_reason: Text | None = None
    as_of: MonthOrYear | None = None
    source: Text
    quote: Text


class PayFigure(CitedAmount):
    id: Slug
    level: Slug


class Pay(Record):
    national_average: Slug | None = None
    levels: list[PayLevel] = []
    figures: list[PayFigure] = []
    notes: list[Note] = []


class Rung(Attributed):
    """One step of the progression ladder; the ladder lists them lowest first."""

    QUOTED = ("description",)
    id: Slug
    title: Text
    aliases: list[Text] = []
    description: Text
    source: Text


class ToolNeed(Record):
    words: Text  # of the description, naming tools and how they are needed: "Python, R, or Julia"
    need: Literal["one-of", "examples"]  # a tool in no such words is needed with the others


class Skill(Attributed):
    QUOTED = ("description",)
    REASONS = (
        *Attributed.REASONS,
        ("resources_reason", {"required": ["resources"], "properties": {"resources": {"minItems": 1}}}),
    )
    id: Slug
    name: Text
    description: Text | None = None
    tools: list[Text] = []
    tool_needs: list[ToolNeed] = []
    resources: list[Slug] = []  # where to learn it is mlcareer's suggestion (no article links the two): say why
    resources_reason: Text | None = Field(default=None, validate_default=True)

    @field_validator("resources_reason")
    @classmethod
    def _suggestion_explained(cls, reason: str | None, info: ValidationInfo) -> str | None:
        suggested = bool(info.data.get("resources"))
        return reason_for("resources_reason", suggested, reason, "a learning suggestion is mlcareer's")


class SkillGroup(Attributed):
    QUOTED = ("description",)
    id: Slug
    title: Text
    title_reason: Text | None = None  # as Passage's
    description: Text | None = None
    source: Text
    roadmap: bool = False
    rung: Slug | None = None  # the rung whose description asks for these skills: needed from that rung up
    pick_one_reason: Text | None = None  # mlcareer's reading that one of the skills is enough: why
    skills: list[Skill] = Field(min_length=1)


class Degree(Record):
    id: Slug
    title: Text
    aliases: list[Text] = []
    years_min: Years
    years_max: Years
    note: Text | None = None
    requires: Slug | None = None
    source: Text
    quote: Text

    @model_validator(mode="after")
    def _years_in_order(self) -> Self:
        if self.years_min > self.years_max:
            raise ValueError(f"years_min ({self.years_min}) is more than years_max ({self.years_max})")
        return self


class Residency(Record):
    id: Slug
    label: Text
    aliases: list[Text] = []


class Cost(CitedAmount):
    """An average cost of study, for one degree and one residency."""

    id: Slug
    degree: Slug
    residency: Slug


class Step(Attributed):
    QUOTED = ("text",)
    id: Slug
    title: Text
    text: Text
    degree: Slug | None = None
    source: Text


class Education(Record):
    cost_basis: Text | None = None
    degree_needed: Answer | None = None
    why_degree: Passage | None = None
    online: Answer | None = None
    degrees: list[Degree] = []
    residencies: list[Residency] = []
    costs: list[Cost] = []
    steps: list[Step] = []
    entry_roles: ItemList | None = None


class Resource(Attributed):
    QUOTED = ("offers",)
    REASONS = (*Attributed.REASONS, ("url_reason", {"required": ["url"], "properties": {"url": {"type": "string"}}}))
    id: Slug
    name: Text
    offers: Text
    # The articles name sites without addresses: an address is mlcareer's addition, with its reason.
    url: WebAddress | None = None
    url_reason: Text | None = Field(default=None, validate_default=True)
    source: Text

    @field_validator("url_reason")
    @classmethod
    def _address_explained(cls, reason: str | None, info: ValidationInfo) -> str | None:
        given = info.data.get("url") is not None
        return reason_for("url_reason", given, reason, "an address is mlcareer's addition")


class Internship(Attributed):
    QUOTED = ("description",)
    id: Slug
    name: Text
    description: Text
    examples: list[Text] = []
    source: Text


class OutlookFigure(Record):
    id: Slug
    value: Measure
    unit: Literal["percent", "rank", "count"]
    measure: Text
    period: Text | None = None
    publisher: Text | None = None
    as_of: MonthOrYear | None = None
    source: Text
    quote: Text


class Outlook(Attributed):
    QUOTED = ("summary", "drivers")
    summary: Text | None = None
    source: Text | None = None
    drivers: list[Text] = []
    figures: list[OutlookFigure] = []
    statements: list[Note] = []


class Industry(Attributed):
    QUOTED = ("work",)
    name: Text
    work: Text
    source: Text


class EmployerType(Attributed):
    QUOTED = ("work",)
    name: Text
    examples: list[Text] = []
    work: Text
    source: Text


class CareerPath(Attributed):
    QUOTED = ("description",)
    name: Text
    description: Text
    source: Text


class Role(Record):
    passages: list[Passage] = []
    responsibilities: list[ItemList] = []
    best_aspects: ItemList | None = None
    worst_aspects: ItemList | None = None
    work_life_balance: Passage | None = None


class FitStatement(Attributed):
    """A self-assessment statement, answered from 1 (strongly disagree) to 5."""

    QUOTED = ("basis",)
    id: Slug
    statement: Text
    basis: Text
    source: Text


class Spelling(Record):  # other ways people write a skill's or tool's name: mlcareer's reading, never an article's
    name: Text
    spellings: list[Text] = Field(min_length=1)
    reason: Text


class CareerData(Record):
    """A whole data file: one career, everything its sources say about it."""

    # Sections default through factories: an instance such as `Pay()` written here
    # would build that model's validator at import, undoing defer_build.
    schema_version: Literal[1]
    career: Career
    sources: list[Source] = Field(min_length=1)
    pay: Pay = Field(default_factory=Pay)
    ladder: list[Rung] = []
    skill_groups: list[SkillGroup] = []
    education: Education = Field(default_factory=Education)
    resources: list[Resource] = []
    internships: list[Internship] = []
    outlook: Outlook = Field(default_factory=Outlook)
    industries: list[Industry] = []
    employer_types: list[EmployerType] = []
    career_paths: list[CareerPath] = []
    related_careers: ItemList | None = None
    role: Role = Field(default_factory=Role)
    fit: list[FitStatement] = []
    spellings: list[Spelling] = []
