"""The household exit conditions have targets or measures in the plan.

A household exits poverty when its income is stably above the national line and it has food and
clothing, compulsory education, basic medical care and safe housing (两不愁三保障). These are
not figures a schedule can add up; this rule says, for each condition, whether the plan states
a target, indicator, measure or budget item for it (found by the condition's key words in their
names), and which. A condition with none is *not evaluable*, not failed: the plan may cover it
in text that is not encoded.

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
from planctl.model import Plan
from planctl.rules.base import verdict

CODE = "PE07"
TITLE = N_("household exit conditions have targets")
SEVERITY = Severity.INFO
EXIT_CRITERION = True


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    names = [t.name for t in plan.targets] + [i.name for i in plan.indicators]
    pending = list(plan.measures)
    while pending:
        measure = pending.pop()
        names.append(measure.name)
        pending.extend(measure.items)
    if plan.budget:
        names += [item.name for item in plan.budget.items]
        names += [child.name for item in plan.budget.items for child in item.items]
    for condition, keywords in HOUSEHOLD_CONDITIONS:
        stated = list(dict.fromkeys(n for n in names if any(word in n for word in keywords)))
        if stated:
            yield verdict(
                CODE,
                Outcome.PASS,
                _("{condition}: stated: {names}").format(
                    condition=without_gloss(condition), names="、".join(stated[:3])
                ),
            )
        else:
            yield verdict(
                CODE,
                Outcome.NOT_EVALUABLE,
                _("{condition}: the plan states no target or measure for it").format(
                    condition=without_gloss(condition)
                ),
            )
