"""Text from data, made harmless for a terminal.

A data string, a file name or a key typed by someone else can hold terminal
control sequences: ESC[2J clears the screen, OSC 52 writes the clipboard, OSC 8
hides a link's real target. Every place that prints such text passes it through
`printable`, which shows each control character instead of sending it.
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, and C1. (The schema refuses all of them in data.)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␍ for CR
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"


def printable(text: str, *, single_line: bool = False) -> str:
    """`text` with every control character shown as a visible stand-in (ESC as ␛).

    `single_line` also shows newlines and tabs, for text that must stay on its line
    (a field name in a message, which could otherwise forge a line of its own).
    """
    pattern = _CONTROL_OR_NEWLINE if single_line else _CONTROL
    if pattern.search(text) is None:
        return text
    return pattern.sub(_shown, text)


def first_control(text: str) -> str | None:
    """The first character `printable` would replace (tab and newline are allowed), or None."""
    found = _CONTROL.search(text)
    return found.group() if found else None


def shell_word(text: str) -> str:
    """`text` as one shell word for a command a message suggests: always in single quotes
    (a quote inside is closed, escaped and reopened), so the command runs as shown."""
    return "'" + text.replace("'", "'\\''") + "'"
