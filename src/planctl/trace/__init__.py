"""Provenance: trace every figure of a plan back to the source document it was typed from.

`readable_plan(document)` builds the plan, leaving out parts that do not validate yet;
`trace(...)` finds each figure, date and document number in the source text, preferring the
section the plan names, and measures how many of the document's own figures the plan encodes.
Nothing here prints: `planctl.trace.run.trace_plan` wraps the `TraceResult` in the command's
report (`planctl.results.trace`), which `planctl.render.trace` draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planctl.loader import Document
from planctl.location import PlanPath, Position
from planctl.trace.coverage import Coverage, coverage
from planctl.trace.items import Item, plan_items
from planctl.trace.match import Match, Status, find
from planctl.trace.partial import PartialPlan, Skipped, readable_plan
from planctl.trace.sections import SectionMap
from planctl.trace.source import SourceError, SourceText, read_source, source_candidates

__all__ = [
    "PartialPlan",
    "SourceError",
    "SourceText",
    "Status",
    "TraceResult",
    "Traced",
    "read_source",
    "readable_plan",
    "source_candidates",
    "trace",
]


@dataclass(frozen=True, slots=True)
class Traced:
    """One plan item, where the plan states it, and where the source prints it."""

    match: Match
    path: PlanPath  # the path in the plan file
    position: Position

    @property
    def item(self) -> Item:
        return self.match.item


@dataclass(slots=True)
class TraceResult:
    """Everything `planctl trace` reports for one plan and its source."""

    plan_file: str
    source: SourceText
    sections: SectionMap
    traced: list[Traced] = field(default_factory=list)
    skipped: list[tuple[Skipped, Position]] = field(default_factory=list)
    coverage: Coverage | None = None

    def count(self, status: Status) -> int:
        return sum(1 for traced in self.traced if traced.match.status is status)

    def counts(self) -> dict[Status, int]:
        """How many items have each status, in one pass over the items."""
        tally = dict.fromkeys(Status, 0)
        for traced in self.traced:
            tally[traced.match.status] += 1
        return tally

    @property
    def unknown_sections(self) -> list[str]:
        """Section references that name no section of the source (or cannot be read)."""
        seen: dict[str, None] = {}
        for traced in self.traced:
            resolved = traced.match.section
            if resolved is not None and not resolved.exists:
                seen.setdefault(resolved.reference)
        return list(seen)

    @property
    def failed(self) -> bool:
        return self.count(Status.NOT_FOUND) > 0


def trace(
    partial: PartialPlan, document: Document, plan_file: str, source: SourceText
) -> TraceResult:
    """Trace every item of a readable plan in `source` and measure the coverage."""
    sections = SectionMap.of(source)
    result = TraceResult(plan_file, source, sections)
    if partial.plan is None:
        return result
    for item in plan_items(partial.plan):
        path = partial.to_file(item.path)
        result.traced.append(Traced(find(item, source, sections), path, _locate(document, path)))
    result.skipped = [(skipped, document.locate(skipped.path)) for skipped in partial.skipped]
    result.coverage = coverage(source, (traced.match for traced in result.traced), sections.cells)
    return result


def _locate(document: Document, path: PlanPath) -> Position:
    """Where the figure's printed text is: its `value` when written as a mapping."""
    for candidate in ((*path, "value"), path):
        if candidate in document.positions:
            return document.positions[candidate]
    return document.locate(path)
