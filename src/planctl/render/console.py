"""The one rich console every table is printed on: named styles, colour only when asked.

Whatever a plan says reaches the terminal only as printable text: an escape sequence in a
plan's title could otherwise move the cursor, rewrite earlier lines of a CI log, retitle the
window or hide a finding. `printable` removes them, and the console applies it to every piece
of text it draws (its own colour codes are added afterwards and are kept).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from rich.theme import Theme

THEME = Theme(
    {
        "error": "bold red",
        "warning": "yellow",
        "info": "cyan",
        "accepted": "dim",
        "dim": "dim",
        "ok": "green",
        "file": "bold",
        "head": "bold",
    }
)


# An escape sequence whole (CSI `ESC [ … final` or its C1 form, OSC/DCS/APC/PM/SOS strings up
# to their terminator (unterminated, only the introducer goes: no text is hidden), or ESC and
# one character), then any other C0 control but tab and
# newline, DEL and the C1 controls (which some terminals also obey).
_CONTROL = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b.?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]",
    re.DOTALL,
)


def printable(text: str) -> str:
    """`text` without terminal control characters and escape sequences (tab and newline stay)."""
    if text.isprintable():  # nearly always: a check in C, much faster than the expression
        return text
    return _CONTROL.sub("", text)


class PlainTextConsole(Console):
    """A console that draws every piece of text through `printable`: strings as they arrive
    (before rich drops a few controls of its own and leaves an escape sequence without its
    end), and every segment it draws."""

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(printable(text), **options)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(printable(segment.text), segment.style)
            for segment in buffer
        )


class PrintableWriter(io.TextIOBase):
    """`out`, writing everything through `printable`: for the plain-text renderers, so that no
    command's text format needs to remember it."""

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self._out = out

    def write(self, text: str) -> int:
        self._out.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self._out.flush()

    def writable(self) -> bool:
        return True


def make_console(out: TextIO, color: bool, width: int | None) -> Console:
    """A console on `out`; without colour it prints plain text a file or a test can compare."""
    return PlainTextConsole(
        file=out,
        theme=THEME,
        width=width,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
