"""Bars drawn for the console they print on: eighth blocks where the encoding has them, `#` otherwise."""

from typing import TYPE_CHECKING, NamedTuple

from rich.measure import Measurement
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

BAR_WIDTH = 24  # the widest a bar is drawn
BAR_MIN = 8  # a bar narrower than this says too little to be worth its room
_EIGHTHS = " ▏▎▍▌▋▊▉"
_DIM = "dim"


class Bar(NamedTuple):
    """`value` drawn to scale against `largest`, as a table cell or a line of its own."""

    value: float
    largest: float
    style: str = "cyan"


class BarDrawing:
    """A bar that draws itself for the console it is printed on: eighth blocks, or `#` in ASCII."""

    def __init__(self, fraction: float, width: int, style: str, track: bool = False) -> None:
        self.fraction = max(0.0, min(1.0, fraction))
        self.width = width
        self.style = style
        self.track = track

    def __rich_measure__(self, console: "Console", options: "ConsoleOptions") -> Measurement:
        return Measurement(self.width, self.width)

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        width = min(self.width, options.max_width)
        yield draw_bar(self.fraction, width, self.style, ascii_only=options.ascii_only, track=self.track)


def draw_bar(fraction: float, width: int, style: str, ascii_only: bool, track: bool = False) -> Text:
    """The bar as text: `width` cells for the whole, a visible sliver for any value above 0."""
    shown = Text()
    if width <= 0:
        return shown
    if ascii_only:
        inner = width - 2 if track else width
        filled = round(inner * fraction)
        if fraction > 0:
            filled = max(1, filled)
        if track:
            shown.append("[")
        shown.append("#" * filled, style=style)
        if track:
            shown.append("." * (inner - filled), style=_DIM)
            shown.append("]")
        return shown
    eighths = round(width * 8 * fraction)
    if fraction > 0:
        eighths = max(1, eighths)
    full, part = divmod(eighths, 8)
    drawn = "█" * full + (_EIGHTHS[part] if part else "")
    shown.append(drawn, style=style)
    if track:
        shown.append("░" * (width - len(drawn)), style=_DIM)
    return shown


def meter(fraction: float, width: int, style: str = "green") -> BarDrawing:
    """A progress meter: the bar over its whole track."""
    return BarDrawing(fraction, width, style, track=True)


def bar(value: float, largest: float, width: int, style: str = "cyan") -> BarDrawing:
    """A horizontal bar, `width` cells for the largest value: to scale."""
    fraction = value / largest if largest > 0 else 0.0
    return BarDrawing(fraction, width, style)
