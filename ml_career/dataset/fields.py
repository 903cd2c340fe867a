"""The field types every record of a data file is built from: texts, ids, amounts, reasons."""

import math
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from ml_career.provenance import Kind, data_kind
from ml_career.text_safety import first_control


def _no_control_characters(text: str) -> str:
    # They would reach the terminal: ESC[2J clears the screen, OSC 52 writes the clipboard.
    if (found := first_control(text)) is not None:
        raise ValueError(f"contains the control character U+{ord(found):04X}, which no data text may hold")
    return text


# Bounds on every text, far above any the articles hold (the longest quote has 2,118
# characters), so that no field can make a view or an export slow: a 2 MB name took
# the SVG export most of a minute.
MAX_TEXT_CHARS = 10_000
MAX_ID_CHARS = 100
MAX_ADDRESS_CHARS = 2_000
Plain = AfterValidator(_no_control_characters)
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT_CHARS), Plain]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=MAX_ID_CHARS)]
# Articles date figures to the month ("as of June 2022") or the year ("in 2022").
MonthOrYear = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$")]
WebAddress = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=MAX_ADDRESS_CHARS), Plain]
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


Measure = Annotated[int | float, AfterValidator(_finite)]


# A data file's words are an article's or mlcareer's: ml_career.provenance names the kinds.
DataKind = Annotated[Literal[Kind.ARTICLE, Kind.MLCAREER], BeforeValidator(data_kind)]


def reason_for(field: str, needed: bool, reason: str | None, why: str) -> str | None:
    """A reason must be given exactly where mlcareer adds something of its own."""
    if needed and reason is None:
        raise ValueError(f"{why}: say why in {field}")
    if not needed and reason is not None:
        raise ValueError(f"a {field} goes only with mlcareer's own addition, and there is none here")
    return reason
