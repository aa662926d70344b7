"""The one rich console every table is printed on: named styles, colour only when asked."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
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


def make_console(out: TextIO, color: bool, width: int | None) -> Console:
    """A console on `out`; without colour it prints plain text a file or a test can compare."""
    return Console(
        file=out,
        theme=THEME,
        width=width,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
