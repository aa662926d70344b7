"""Counting listed things: regions of a kind, budget items at a depth, measures, an item's parts."""

from __future__ import annotations

from planctl.derive.index import PlanIndex, descendants_at
from planctl.model import Plan
from planctl.model.plan import DeclaredCount, Measure


def count_listed(plan: Plan, count: DeclaredCount, index: PlanIndex) -> int | None:
    """How many things the plan lists for `count.of`, or None when it lists none to count."""
    if count.of is None:
        return None
    if count.of == "regions":
        if plan.regions is None:
            return None
        kinds = count.kind if isinstance(count.kind, list) else [count.kind] if count.kind else []
        return sum(1 for region in plan.regions.items if not kinds or region.kind in kinds)
    if count.of == "budget":
        root = index.budget
        return len(descendants_at(root, count.depth)) if root else None
    if count.of == "measures":
        return len(_measures_at(plan.measures, count.depth)) if plan.measures else None
    target = index.ids.get(count.of)
    if target is None or target.item is None:
        return None
    return len(descendants_at(target.item, count.depth))


def _measures_at(measures: list[Measure], depth: int) -> list[Measure]:
    level = measures
    for _ in range(depth - 1):
        level = [child for measure in level for child in measure.items]
    return level
