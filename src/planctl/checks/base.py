"""What a rule is: a stable code, a title, a default severity, its documentation and a check."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from planctl.calc.compare import Comparison
from planctl.findings import Finding, Severity
from planctl.location import Path
from planctl.model import Plan

Check = Callable[[Plan], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule. `check` is None for the rules the loading pipeline itself applies."""

    code: str
    title: str
    severity: Severity
    doc: str
    check: Check | None

    @property
    def summary(self) -> str:
        """The first paragraph of the documentation."""
        return self.doc.strip().split("\n\n", 1)[0].replace("\n", " ")


def rule_from_module(module: ModuleType) -> Rule:
    """Read a rule module: `CODE`, `TITLE`, `SEVERITY`, an optional `check`, and its docstring."""
    return Rule(
        code=module.CODE,
        title=module.TITLE,
        severity=module.SEVERITY,
        doc=inspect.cleandoc(module.__doc__ or ""),
        check=getattr(module, "check", None),
    )


def gap_finding(code: str, path: Path, what: str, comparison: Comparison) -> Finding:
    """A finding for a stated figure that disagrees with the computed one, with the gap."""
    stated = comparison.stated.text
    return Finding(
        code,
        f"{what}: stated {stated}, computed {comparison.computed_text}, "
        f"gap {comparison.gap} ({comparison.explain()})",
        path,
        severity=comparison.severity,
        stated=stated,
        computed=comparison.computed_text,
        gap=comparison.gap,
    )
