"""What a target asks for: the whole baseline (`all`) or a figure of its own.

Plans write "all poor people exit" as `value: all`, leave the value out, or print the baseline's
figure again (`31.0975万人`). These are one target, and every rule and command that compares
targets or judges them must read them alike: this is the one place that decides.
"""

from __future__ import annotations

from planctl.calc.compare import compare
from planctl.model import Figure, Plan, Target
from planctl.quantity import Quantity


def asks_for_all(plan: Plan, target: Target) -> bool:
    """Whether `target` asks for the whole baseline of its measure.

    A printed value counts as the whole when it agrees, at its printed precision, with a
    statement of the baseline in the same unit family.
    """
    if not isinstance(target.value, Figure):
        return True
    baseline = plan.baseline_of(target.measure)
    if baseline is None:
        return False
    return any(_agrees(target.value.value, statement.value) for statement in baseline.statements())


def required_value(plan: Plan, target: Target) -> Quantity | None:
    """The figure the target asks for: its own, or the baseline's most precise statement."""
    if isinstance(target.value, Figure) and not asks_for_all(plan, target):
        return target.value.value
    baseline = plan.baseline_of(target.measure)
    return baseline.statements()[0].value if baseline is not None else None


def _agrees(value: Quantity, baseline: Quantity) -> bool:
    if value.family != baseline.family:
        return False
    return compare(value, baseline.base, baseline.tolerance, finest_part=baseline.ulp_base).agrees
