"""Third-party evaluation thresholds of the exit mechanism, which no plan can meet on paper.

The national exit mechanism also requires, for a county to exit, that fewer than 2% of the
people be wrongly exited, fewer than 2% of the poor be missed, and at least 90% of the public
approve. These come from survey data that no plan contains; they are listed, as *not
evaluable*, so that a reader of the verdicts knows they exist and were not checked.

Not evaluable: always.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.calc.wording import without_gloss
from planctl.criteria import THIRD_PARTY
from planctl.derive import Derived
from planctl.findings import Finding, Outcome, Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.rules.base import verdict

CODE = "PE08"
TITLE = N_("third-party evaluation thresholds")
SEVERITY = Severity.INFO
EXIT_CRITERION = True


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for name, source in THIRD_PARTY:
        yield verdict(
            CODE,
            Outcome.NOT_EVALUABLE,
            _("{name}: needs survey data no plan contains").format(name=without_gloss(name)),
            source=source,
        )
