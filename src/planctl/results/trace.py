"""What `planctl trace` found, ready for any renderer: the trace, what to show, the problems.

The trace itself (`planctl.trace.TraceResult`: every item, where the plan states it and where
the source prints it, and the coverage) is the trace package's own type; this result adds what
the user asked to see (`--missing`, `--problems`) and names the problems every format reports:
a figure NOT FOUND in the source (an error: it fails the run, most often a typing mistake) and
a figure found only outside the section the plan names, or only as the bare number (warnings:
worth a look, but the figure is printed). The CI formats report exactly these, under the codes
of `TRACE_RULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from planctl.i18n import N_, _
from planctl.trace import Traced, TraceResult
from planctl.trace.match import Status


@dataclass(frozen=True, slots=True)
class TraceRule:
    """A kind of trace problem, with a stable code for CI reports."""

    code: str
    title: str
    level: str  # error or warning
    summary: str


NOT_FOUND = TraceRule(
    "PT001",
    N_("figure not found in the source"),
    "error",
    N_(
        "The plan states a figure, date or document number that the source document does not "
        "print in any accepted form: most often a typing mistake in the plan."
    ),
)
OUTSIDE_SECTION = TraceRule(
    "PT002",
    N_("figure found only outside its section"),
    "warning",
    N_(
        "The source prints the figure, but not in the section the plan names for it: the section "
        "reference, or the figure, may belong to another statement."
    ),
)
NUMBER_ONLY = TraceRule(
    "PT003",
    N_("figure found only as the bare number"),
    "warning",
    N_("The source prints the number, but with another unit beside it than the plan gives."),
)
TRACE_RULES = {rule.code: rule for rule in (NOT_FOUND, OUTSIDE_SECTION, NUMBER_ONLY)}


@dataclass(frozen=True, slots=True)
class TraceProblem:
    """One problem of one traced item."""

    rule: TraceRule
    traced: Traced


def severity(traced: Traced) -> str:
    """error (not found), warning (outside its section, number only), info (ambiguous), ok."""
    match = traced.match
    if match.status is Status.NOT_FOUND:
        return "error"
    if match.outside_section or match.number_only:
        return "warning"
    return "info" if match.status is Status.AMBIGUOUS else "ok"


def problems_of(traced: Traced) -> list[TraceRule]:
    """The problems of one item: not found, or else outside its section and/or number only."""
    match = traced.match
    if match.status is Status.NOT_FOUND:
        return [NOT_FOUND]
    return [
        rule
        for rule, applies in (
            (OUTSIDE_SECTION, match.outside_section),
            (NUMBER_ONLY, match.number_only),
        )
        if applies
    ]


def message(traced: Traced) -> str:
    """What happened to one item, in words, with the source lines (in the current language)."""
    match = traced.match
    section = match.section
    if match.status is Status.NOT_FOUND:
        if section is None:
            return _("NOT FOUND")
        return _("NOT FOUND (looked in {section}, then everywhere)").format(
            section=section.describe()
        )
    lines = _listed(match.found_lines)
    if match.status is Status.FOUND:
        text = _("found at line {lines}").format(lines=lines)
    else:
        text = _("ambiguous: lines {lines}").format(lines=lines)
    notes = []
    if match.number_only:
        notes.append(_("only the bare number: the unit printed next to it differs"))
    if match.outside_section and section is not None:
        notes.append(_("only outside {section}").format(section=section.describe()))
    if section is not None and not section.exists:
        if section.understood:
            notes.append(
                _("section {reference} not in the source").format(reference=section.reference)
            )
        else:
            notes.append(
                _("section {reference} not understood").format(reference=section.reference)
            )
    return text + "".join(_("; {note}").format(note=note) for note in notes)


@lru_cache(maxsize=1024)
def _listed(lines: tuple[int, ...]) -> str:
    """`12, 40, 41`: written once for the thousands of items found on the same lines."""
    return ", ".join(str(line) for line in lines)


@dataclass(frozen=True, slots=True)
class TraceReport:
    """`planctl trace` for one plan: the trace and what the user asked to be shown."""

    trace: TraceResult
    missing: bool = False  # list the document figures the plan does not encode
    problems_only: bool = False  # leave out items found once in their own section

    @property
    def shown(self) -> list[Traced]:
        """The items to list: all of them, or with --problems those that are not simply found."""
        if not self.problems_only:
            return self.trace.traced
        return [traced for traced in self.trace.traced if severity(traced) != "ok"]

    @property
    def problems(self) -> list[TraceProblem]:
        """Every problem, in plan order: what the CI formats report."""
        return [
            TraceProblem(rule, traced)
            for traced in self.trace.traced
            for rule in problems_of(traced)
        ]

    @property
    def failed(self) -> bool:
        return self.trace.failed

    @property
    def exit_code(self) -> int:
        """0 every figure found, 1 a figure not found."""
        return 1 if self.failed else 0
