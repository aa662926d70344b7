"""Derived figures computed once per plan: the rules of one plan run one after another.

Every rule walks the same trees, figures, ids and sums of the plan being checked. `per_plan`
keeps the result for the plan asked about last (by identity, since plans are not changed after
validation), so each is built once per plan and the cache never holds more than one plan.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from planctl.model import Plan

Result = TypeVar("Result")


def per_plan(build: Callable[[Plan], Result]) -> Callable[[Plan], Result]:
    """`build(plan)`, computed again only when asked about another plan."""
    last: list[tuple[Plan, Result]] = []

    @wraps(build)
    def cached(plan: Plan) -> Result:
        if not last or last[0][0] is not plan:
            last[:] = [(plan, build(plan))]
        return last[0][1]

    return cached
