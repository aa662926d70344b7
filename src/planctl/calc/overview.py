"""The headline of a plan: its exit targets, each with every deadline the document gives it.

Plans restate their headline targets (all poor people exit, all poor villages and counties exit)
in several chapters, sometimes with different years. An overview lists each headline measure
once with the values and all the years it is given, so a reader sees the conflict at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planctl.model import Figure, Plan
from planctl.model.plan import BASELINE_OF


@dataclass(frozen=True, slots=True)
class TargetValue:
    """A headline target's value: a figure as printed, or everyone (`all`) of the baseline."""

    figure: str | None  # as printed; None: everyone
    baseline: str | None = None  # for everyone: the baseline figure that is, as printed

    def __str__(self) -> str:
        """The form JSON carries, whatever the language: the figure, or `all (31.0975万人)`."""
        if self.figure is not None:
            return self.figure
        return f"all ({self.baseline})" if self.baseline is not None else "all"


@dataclass(slots=True)
class Headline:
    """One headline measure: the values it is given and its deadlines (None: no year given)."""

    measure: str
    values: list[TargetValue] = field(default_factory=list)
    deadlines: dict[int | None, list[str]] = field(default_factory=dict)  # year -> sources

    @property
    def years(self) -> list[int]:
        return sorted(year for year in self.deadlines if year is not None)


def headline_targets(plan: Plan) -> list[Headline]:
    """The exit targets (people, households, villages, counties), in that order."""
    found: dict[str, Headline] = {}
    for target in plan.targets:
        if target.measure not in BASELINE_OF or target.in_year is not None:
            continue  # an annual figure (`in:`) is not a deadline
        headline = found.setdefault(target.measure, Headline(target.measure))
        value = _value(plan, target.measure, target.value)
        if value not in headline.values:
            headline.values.append(value)
        headline.deadlines.setdefault(target.by, []).append(target.source or "")
    return [found[measure] for measure in BASELINE_OF if measure in found]


def _value(plan: Plan, measure: str, value: object) -> TargetValue:
    """The target's value; everyone (with the baseline) also for a value equal to the baseline."""
    baseline = plan.baseline_of(measure)
    if isinstance(value, Figure) and (
        baseline is None
        or value.value.family != baseline.value.family
        or value.value.base != baseline.value.base
    ):
        return TargetValue(value.value.text)
    return TargetValue(None, baseline.value.text if baseline is not None else None)
