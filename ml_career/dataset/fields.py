"""The field types every record of a data file is built from: texts, ids, amounts, reasons."""

import math
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, GetJsonSchemaHandler, StringConstraints
from pydantic_core import CoreSchema

from ml_career.provenance import Kind, data_kind
from ml_career.text_safety import describe, first_hidden, hidden_characters, plain_text_pattern


def _no_control_characters(text: str) -> str:
    # They would reach the terminal: ESC[2J clears the screen, OSC 52 writes the clipboard,
    # U+202E reverses the text after it, U+200B makes two names look the same.
    if (found := first_hidden(text)) is not None:
        raise ValueError(f"contains {describe(found)}, which no data text may hold")
    if text and text.isspace():
        raise ValueError("holds only white space; give the text itself")
    return text


# Bounds on every text, far above any the articles hold (the longest quote has 2,118
# characters), so that no field can make a view or an export slow: a 2 MB name took
# the SVG export most of a minute.
MAX_TEXT_CHARS = 10_000
MAX_ID_CHARS = 100
MAX_ADDRESS_CHARS = 2_000


class _PlainInSchema:
    """Text's JSON Schema says what _no_control_characters checks, so editors flag it too."""

    def __get_pydantic_json_schema__(self, core: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {**handler(core), "pattern": plain_text_pattern()}


class _AddressInSchema:
    """A web address's pattern, with no space and nothing _no_control_characters refuses."""

    def __get_pydantic_json_schema__(self, core: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {**handler(core), "pattern": f"^https?://[^{hidden_characters()}\\s]+$"}


Plain = AfterValidator(_no_control_characters)
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT_CHARS), Plain, _PlainInSchema()]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=MAX_ID_CHARS)]
# Articles date figures to the month ("as of June 2022") or the year ("in 2022").
MonthOrYear = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$")]
WebAddress = Annotated[
    str,
    StringConstraints(pattern=r"^https?://\S+$", max_length=MAX_ADDRESS_CHARS),
    Plain,
    _AddressInSchema(),
]
# Bounds no real figure comes near, so that sums, products and ratios of validated data
# (a cost times 100 years, an amount as a float) stay far inside what a float can hold.
MAX_AMOUNT = 10**30
MAX_YEARS = 100
Amount = Annotated[int, Field(gt=0, le=MAX_AMOUNT)]
Years = Annotated[int, Field(ge=0, le=MAX_YEARS)]


def _finite(value: int | float) -> int | float:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number, not NaN or infinity")
    if abs(value) > MAX_AMOUNT:
        raise ValueError(f"must be between -{MAX_AMOUNT:,} and {MAX_AMOUNT:,}")
    return value


# The schema can bound a measure, and so refuse infinity; NaN compares with nothing, so only validate refuses it.
Measure = Annotated[
    int | float, AfterValidator(_finite), Field(json_schema_extra={"minimum": -MAX_AMOUNT, "maximum": MAX_AMOUNT})
]


# A data file's words are an article's or mlcareer's: ml_career.provenance names the kinds.
DataKind = Annotated[Literal[Kind.ARTICLE, Kind.MLCAREER], BeforeValidator(data_kind)]


def reason_for(field: str, needed: bool, reason: str | None, why: str) -> str | None:
    """A reason must be given exactly where mlcareer adds something of its own."""
    if needed and reason is None:
        raise ValueError(f"{why}: say why in {field}")
    if not needed and reason is not None:
        raise ValueError(f"a {field} goes only with mlcareer's own addition, and there is none here")
    return reason


# (reason field, JSON Schema of the condition that needs it): what reason_for checks, for the schema.
ReasonRules = tuple[tuple[str, dict[str, Any]], ...]


def reasons_in_schema(schema: dict[str, Any], model: type[Any]) -> None:
    """Each of the model's REASONS rules in its JSON Schema: the reason is given exactly when its condition holds."""
    for reason, condition in model.REASONS:
        given = {"required": [reason], "properties": {reason: {"type": "string"}}}
        rule = {"if": condition, "then": given, "else": {"properties": {reason: {"type": "null"}}}}
        schema.setdefault("allOf", []).append(rule)
