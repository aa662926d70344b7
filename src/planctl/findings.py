"""Findings: what a rule found, where, and by how much.

Rules create findings with a code, a path into the plan and the figures involved; the engine
adds the file, the source position and the severity, so rules stay ignorant of configuration.
Most findings are problems (outcome `fail`). The exit rules also answer a question for every
criterion they judge, so they yield `pass` and `not evaluable` findings too: exit-check shows
those as its verdicts, and no format needs a second kind of result for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from planctl.i18n import _
from planctl.location import PlanPath, Position, format_path
from planctl.quantity import format_decimal, format_in
from planctl.units import Unit


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Outcome(StrEnum):
    """A rule's answer at one place: a problem, a criterion met, or one that cannot be judged."""

    FAIL = "fail"
    PASS = "pass"
    NOT_EVALUABLE = "not evaluable"


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

    @property
    def size(self) -> str:
        """The gap without its direction: `0.607万人 (6070人)`, for "missed by ..."."""
        return str(self).replace("+", "").replace("-", "")

    def __str__(self) -> str:
        if self.in_base == self.in_unit:
            return self.in_unit
        return _("{in_unit} ({in_base})").format(in_unit=self.in_unit, in_base=self.in_base)


def _signed(text: str) -> str:
    return text if text.startswith("-") else f"+{text}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one plan."""

    code: str
    message: str
    path: PlanPath = ()
    # None until the engine assigns the rule's default; a rule sets it only where the finding
    # itself decides (a rounding gap is a warning, a substantive one an error).
    severity: Severity | None = None
    file: str = ""
    position: Position | None = None
    stated: str | None = None
    computed: str | None = None
    gap: Gap | None = None
    accepted: str | None = None  # the reason, when the plan accepts this finding
    outcome: Outcome = Outcome.FAIL
    year: int | None = None  # the year a verdict is about, for `exit-check --year`
    region: str | None = None  # the region a verdict is about, for `exit-check --region`
    source: str | None = None  # the section of the document the judged statement comes from

    @property
    def level(self) -> Severity:
        """The severity; the engine assigns one to every finding it returns."""
        return self.severity or Severity.ERROR

    @property
    def path_text(self) -> str:
        return format_path(self.path)

    @property
    def location(self) -> str:
        """`plans/luoyang.yaml:42:7`, or the file alone when there is no position."""
        return f"{self.file}:{self.position}" if self.position else self.file

    def fails(self, strict: bool = False) -> bool:
        """Whether this finding makes the run fail: an error not accepted (or a warning, strict)."""
        if self.accepted is not None or self.outcome is not Outcome.FAIL:
            return False
        return self.level is Severity.ERROR or (strict and self.level is Severity.WARNING)
