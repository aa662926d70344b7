"""The words every renderer shares, translated where they are shown, and padding by terminal
columns (a Chinese character takes two, so `str.ljust` would misalign a translated column).

The JSON, SARIF and JUnit keys and the values programs read (`"severity": "error"`) stay
English; these are the words people read."""

from __future__ import annotations

from unicodedata import east_asian_width

from planctl.i18n import N_, _

SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
OUTCOMES = {"fail": N_("fail"), "pass": N_("pass"), "not evaluable": N_("not evaluable")}


def severity(level: object) -> str:
    """A severity (`error`, `warning`, `info`) in the current language."""
    return _(SEVERITIES.get(str(level), str(level)))


def outcome(answer: object) -> str:
    """An outcome (`fail`, `pass`, `not evaluable`) in the current language."""
    return _(OUTCOMES.get(str(answer), str(answer)))


def cell_len(text: str) -> int:
    """The terminal columns `text` takes: two for a wide (Chinese) character, one otherwise."""
    return sum(2 if east_asian_width(char) in "WF" else 1 for char in text)


def ljust(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal columns."""
    return text + " " * max(0, width - cell_len(text))


def rjust(text: str, width: int) -> str:
    """`text` padded on the left to `width` terminal columns."""
    return " " * max(0, width - cell_len(text)) + text
