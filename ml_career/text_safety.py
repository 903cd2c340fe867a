"""Text from data, made harmless for a terminal.

A data string, a file name or a key typed by someone else can hold terminal
control sequences: ESC[2J clears the screen, OSC 52 writes the clipboard, OSC 8
hides a link's real target. It can also hold characters that show nothing: a
right-to-left override (U+202E) turns "gpj.exe" round, a zero-width space
(U+200B) makes two different names look the same. Every place that prints such
text passes it through `printable`, which shows each of them instead of sending it.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# C0 except tab and newline, DEL, and C1. (The schema refuses all of them in data.)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Unicode categories of characters that show nothing where they stand, or move the text
# around them: format characters (bidi controls, zero-width characters, U+FEFF, tags),
# line and paragraph separators, and surrogates (a file name's bytes that are not UTF-8).
# Read from the interpreter's Unicode database, so a character added to Cf is covered too.
INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp", "Cs"})
# os.fsdecode keeps each byte that is not UTF-8 as one of these (PEP 383, surrogateescape).
_ESCAPED_BYTES = range(0xDC80, 0xDD00)
# Where characters of those categories can be, as a regular expression for speed: the blocks
# that hold them. Each match is checked against the database; a test checks that every
# character of those categories falls inside.
MAYBE_INVISIBLE = "\u00ad\u0600-\u08ff\u180e\u2000-\u206f\ud800-\udfff\ufeff\ufff0-\uffff\U00010000-\U0010ffff"
# As text, compiled by `re` on first use: ASCII text, the usual case, needs only the first two.
_CONTROL_OR_NEWLINE = "[\x00-\x08\x0a-\x1f\x7f-\x9f]"
_SHOWN = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{MAYBE_INVISIBLE}]"
_SHOWN_OR_NEWLINE = f"[\x00-\x08\x0a-\x1f\x7f-\x9f{MAYBE_INVISIBLE}]"


def is_invisible(char: str) -> bool:
    """True for a character that shows nothing or reorders text (see INVISIBLE_CATEGORIES)."""
    return char > "\x7f" and unicodedata.category(char) in INVISIBLE_CATEGORIES


def stand_in(char: str) -> str:
    """What `printable` shows in place of `char`: ␛ for ESC, \\x9b, \\u202e, or \\xff for a stray byte."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␍ for CR
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"  # the byte as it is on disk
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str, *, single_line: bool = False) -> str:
    """`text` with every control and invisible character shown as a visible stand-in (ESC as ␛).

    `single_line` also shows newlines and tabs, for text that must stay on its line
    (a field name in a message, which could otherwise forge a line of its own).
    """
    if text.isascii():  # no invisible character is ASCII
        pattern = re.compile(_CONTROL_OR_NEWLINE) if single_line else _CONTROL
    else:
        pattern = re.compile(_SHOWN_OR_NEWLINE if single_line else _SHOWN)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_shown, text)


def _shown(found: re.Match[str]) -> str:
    char = found.group()
    return stand_in(char) if char <= "\x9f" or is_invisible(char) else char


def first_hidden(text: str) -> str | None:
    """The first character `printable` would replace (tab and newline are allowed), or None."""
    for found in re.finditer(_CONTROL if text.isascii() else _SHOWN, text):
        if (char := found.group()) <= "\x9f" or is_invisible(char):
            return char
    return None


def describe(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`: a character named for a message, never sent itself."""
    name = unicodedata.name(char, "")
    kind = "control" if _CONTROL.match(char) else "invisible"
    return f"the {kind} character U+{ord(char):04X}" + (f" ({name})" if name else "")


@functools.cache
def hidden_characters() -> str:
    """Every character `printable` would replace but tab and newline, as the inside of a regex class.

    Built from the Unicode database once (a few tenths of a second): only `mlcareer schema`
    needs it. Surrogates are left out, as no JSON or TOML text can hold one.
    """
    codes = [
        code
        for code in range(0x7F, 0x110000)
        if not 0xD800 <= code <= 0xDFFF and (code <= 0x9F or is_invisible(chr(code)))
    ]
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "\\x00-\\x08\\x0b-\\x1f" + "".join(
        chr(low) if low == high else f"{chr(low)}-{chr(high)}" for low, high in ranges
    )


def plain_text_pattern() -> str:
    """A JSON Schema pattern for the text data may hold: no character `printable` would replace
    (tab and newline are allowed), and at least one that is not white space."""
    hidden = hidden_characters()
    return f"^[^{hidden}]*[^{hidden}\\s][^{hidden}]*$"


def shell_word(text: str) -> str:
    """`text` as one shell word for a command a message suggests: always in single quotes
    (a quote inside is closed, escaped and reopened), so the command runs as shown."""
    return "'" + text.replace("'", "'\\''") + "'"
