"""The household exit conditions have targets or measures in the plan.

A household exits poverty when its income is stably above the national line and it has food and
clothing, compulsory education, basic medical care and safe housing (两不愁三保障). These are
not figures a schedule can add up; this rule says, for each condition, whether the plan states
a target, indicator, measure or budget item for it (found by the condition's key words in their
names), and which: the first statement found, targets first, with its path and section. A
condition with none is *not evaluable*, not failed: the plan may cover it in text that is not
encoded.

Passing: a target named 义务教育巩固率 for compulsory education.

Not evaluable: a plan with no target, indicator, measure or budget item about housing.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.calc.wording import without_gloss
from planctl.criteria import HOUSEHOLD_CONDITIONS
from planctl.derive import Derived
from planctl.findings import Finding, Outcome, Severity
from planctl.i18n import N_, _
from planctl.location import PlanPath, format_path
from planctl.model import Plan
from planctl.model.plan import Measure
from planctl.rules.base import verdict

CODE = "PE07"
TITLE = N_("household exit conditions have targets")
SEVERITY = Severity.INFO
EXIT_CRITERION = True


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    statements = _statements(plan)
    for condition, keywords in HOUSEHOLD_CONDITIONS:
        found = [one for one in statements if any(word in one[0] for word in keywords)]
        if found:
            name, path, source = found[0]
            where = (
                _("{path}, {source}").format(path=format_path(path), source=source)
                if source
                else format_path(path)
            )
            message = (
                _("{condition}: stated: {name} ({where}) and {more} more")
                if len(found) > 1
                else _("{condition}: stated: {name} ({where})")
            )
            yield verdict(
                CODE,
                Outcome.PASS,
                message.format(
                    condition=without_gloss(condition),
                    name=name,
                    where=where,
                    more=len(found) - 1,
                ),
                path,
                source=source,
            )
        else:
            yield verdict(
                CODE,
                Outcome.NOT_EVALUABLE,
                _("{condition}: the plan states no target or measure for it").format(
                    condition=without_gloss(condition)
                ),
            )


# A statement: its name, its path in the plan, the section it is printed in.
Statement = tuple[str, PlanPath, str | None]


def _statements(plan: Plan) -> list[Statement]:
    """Targets first (what the plan promises), then indicators, measures, budget items."""
    found: list[Statement] = [
        (t.name, ("targets", i), t.source) for i, t in enumerate(plan.targets)
    ]
    found += [(x.name, ("indicators", i), x.source) for i, x in enumerate(plan.indicators)]
    pending: list[tuple[Measure, PlanPath]] = [
        (measure, ("measures", i)) for i, measure in enumerate(plan.measures)
    ]
    while pending:
        measure, path = pending.pop(0)
        found.append((measure.name, path, measure.section or measure.source))
        pending += [(child, (*path, "items", i)) for i, child in enumerate(measure.items)]
    if plan.budget:
        for i, item in enumerate(plan.budget.items):
            found.append((item.name, ("budget", "items", i), item.source))
            found += [
                (child.name, ("budget", "items", i, "items", j), child.source)
                for j, child in enumerate(item.items)
            ]
    return found
