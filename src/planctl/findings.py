"""Findings: what a check found, where, and by how much.

Rules create findings with a code, a path into the plan and the figures involved; the engine
adds the file, the source position and the severity, so rules stay ignorant of configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from planctl.location import Path, Position, format_path
from planctl.quantity import format_decimal, format_in
from planctl.units import Unit


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Gap:
    """A difference between a stated and a computed figure, in three readings."""

    in_unit: str  # in the stated figure's unit: "0.0010313亿元"
    in_base: str  # in the family's base unit: "103130元"
    percent: str | None  # relative to the stated figure: "0.0011%"

    @classmethod
    def between(cls, stated: Decimal, computed: Decimal, unit: Unit) -> Gap:
        """The gap `computed - stated` (both in base units), written in `unit` and in base units."""
        difference = computed - stated
        percent = None
        if stated != 0:
            percent = f"{format_decimal(round(difference / stated * 100, 4))}%"
        return cls(
            in_unit=_signed(format_in(difference, unit)),
            in_base=_signed(f"{format_decimal(difference)}{unit.base}"),
            percent=_signed(percent) if percent else None,
        )

    def __str__(self) -> str:
        text = self.in_unit
        if self.in_base != self.in_unit:
            text += f" ({self.in_base})"
        return text


def _signed(text: str) -> str:
    return text if text.startswith("-") else f"+{text}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one plan."""

    code: str
    message: str
    path: Path = ()
    severity: Severity = Severity.ERROR
    file: str = ""
    position: Position | None = None
    stated: str | None = None
    computed: str | None = None
    gap: Gap | None = None
    accepted: str | None = None  # the reason, when the plan accepts this finding

    @property
    def path_text(self) -> str:
        return format_path(self.path)

    @property
    def location(self) -> str:
        """`plans/luoyang.yaml:42:7`, or the file alone when there is no position."""
        return f"{self.file}:{self.position}" if self.position else self.file

    def fails(self, strict: bool = False) -> bool:
        """Whether this finding makes the run fail: an error not accepted (or a warning, strict)."""
        if self.accepted is not None:
            return False
        return self.severity is Severity.ERROR or (strict and self.severity is Severity.WARNING)
