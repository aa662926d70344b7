"""What a rule is: a stable code, a title, a default severity, its documentation and a check."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from planctl.calc.compare import Comparison
from planctl.derive import Derived
from planctl.findings import Finding, Gap, Outcome, Severity
from planctl.i18n import _
from planctl.location import PlanPath
from planctl.model import Plan

Check = Callable[[Plan, Derived], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule. `check` is None for the rules the loading pipeline itself applies."""

    code: str
    title: str
    severity: Severity
    doc: str
    check: Check | None
    exit_criterion: bool = False  # its findings, whatever their outcome, are exit-check verdicts
    module: str = ""  # the module's own name, e.g. `rollup`

    @property
    def summary(self) -> str:
        """The first paragraph of the documentation."""
        return self.doc.strip().split("\n\n", 1)[0].replace("\n", " ")


def rule_from_module(module: ModuleType) -> Rule:
    """Read a rule module: `CODE`, `TITLE`, `SEVERITY`, an optional `check` and `EXIT_CRITERION`,
    and its docstring."""
    return Rule(
        code=module.CODE,
        title=module.TITLE,
        severity=module.SEVERITY,
        doc=inspect.cleandoc(module.__doc__ or ""),
        check=getattr(module, "check", None),
        exit_criterion=getattr(module, "EXIT_CRITERION", False),
        module=module.__name__.rsplit(".", 1)[-1],
    )


def gap_finding(code: str, path: PlanPath, what: str, comparison: Comparison) -> Finding:
    """A finding for a stated figure that disagrees with the computed one, with the gap.

    `what` names the comparison in the current language (the caller translates it)."""
    stated = comparison.stated.text
    return Finding(
        code,
        _("{what}: stated {stated}, computed {computed}, gap {gap} ({explanation})").format(
            what=what,
            stated=stated,
            computed=comparison.computed_text,
            gap=comparison.gap,
            explanation=comparison.explain(),
        ),
        path,
        severity=comparison.severity,
        stated=stated,
        computed=comparison.computed_text,
        gap=comparison.gap,
    )


def reported(comparison: Comparison) -> bool:
    """Whether `sum_findings` says anything of `comparison`: a rule may word its finding only
    then (most sums of a plan agree, and wording one costs more than comparing it)."""
    return not comparison.agrees or comparison.within_rounding


def sum_findings(code: str, path: PlanPath, what: str, comparison: Comparison) -> Iterator[Finding]:
    """A stated total against its parts: a gap finding when they disagree, and an `info` one
    when they agree only at the printed precision (shown with `--show info`)."""
    if not comparison.agrees:
        yield gap_finding(code, path, what, comparison)
    elif comparison.within_rounding:
        stated = comparison.stated.text
        yield Finding(
            code,
            _(
                "{what}: stated {stated}, the exact sum is {computed}, gap {gap} "
                "(within the printed precision)"
            ).format(
                what=what, stated=stated, computed=comparison.computed_text, gap=comparison.gap
            ),
            path,
            severity=Severity.INFO,
            stated=stated,
            computed=comparison.computed_text,
            gap=comparison.gap,
        )


def verdict(
    code: str,
    outcome: Outcome,
    message: str,
    path: PlanPath = (),
    *,
    year: int | None = None,
    region: str | None = None,
    source: str | None = None,
    stated: str | None = None,
    computed: str | None = None,
    gap: Gap | None = None,
) -> Finding:
    """An exit rule's answer for one criterion: met, missed, or not evaluable (and why)."""
    return Finding(
        code,
        message,
        path,
        stated=stated,
        computed=computed,
        gap=gap,
        outcome=outcome,
        year=year,
        region=region,
        source=source,
    )


def not_evaluable(
    code: str,
    name: str,
    why: str,
    path: PlanPath = (),
    *,
    year: int | None = None,
    region: str | None = None,
    source: str | None = None,
) -> Finding:
    """The answer "cannot be judged" for the criterion `name`, saying `why` (`name: why`)."""
    message = _("{name}: {why}").format(name=name, why=why)
    return verdict(
        code, Outcome.NOT_EVALUABLE, message, path, year=year, region=region, source=source
    )
