"""The figures computed once per plan, for every rule and command: `derive(plan)`.

A plan is checked by some twenty rules and shown by several commands; each needs the same walk
of the trees, the same sums, the same year-by-year timeline and the same exit criteria. They are
built here once, after validation, and handed on explicitly: nothing is cached behind a rule's
back, and nothing computed for one plan can leak into another.
"""

from __future__ import annotations

from dataclasses import dataclass

from planctl.criteria import ExitCriterion, effective_criteria, plan_is_western
from planctl.derive.index import PlanIndex, build_index
from planctl.derive.sums import Sum, build_sums
from planctl.derive.timeline import Timeline, build_timeline
from planctl.model import Plan


@dataclass(frozen=True, slots=True)
class Derived:
    """What the rules and commands of one plan share."""

    index: PlanIndex
    sums: list[Sum]
    timeline: Timeline
    criteria: list[ExitCriterion]
    western: bool


def derive(plan: Plan) -> Derived:
    """Build everything derived from `plan`, once."""
    index = build_index(plan)
    return Derived(
        index=index,
        sums=build_sums(index),
        timeline=build_timeline(plan),
        criteria=effective_criteria(plan),
        western=plan_is_western(plan),
    )


__all__ = ["Derived", "derive"]
