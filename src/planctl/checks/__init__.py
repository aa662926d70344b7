"""The rule registry: every rule planctl applies, by code.

Each rule lives in its own module with `CODE`, `TITLE`, `SEVERITY`, a module docstring that is
its documentation, and (except for the loading rules) `check(plan)`, a generator of findings.
Adding a rule means adding its module here; a test proves each is registered and documented.
"""

from __future__ import annotations

from planctl.checks import (
    dates,
    deadlines,
    declared_counts,
    mixed_units,
    policy_rates,
    references,
    regions,
    restatements,
    rollup,
    schedules,
    schema,
    shares,
    stale_acceptance,
    unreadable,
    yaml_ambiguity,
)
from planctl.checks.base import Rule, rule_from_module

_MODULES = (
    unreadable,
    yaml_ambiguity,
    schema,
    stale_acceptance,
    rollup,
    mixed_units,
    restatements,
    references,
    declared_counts,
    shares,
    schedules,
    regions,
    dates,
    deadlines,
    policy_rates,
)

RULES: dict[str, Rule] = {
    rule.code: rule for rule in sorted(map(rule_from_module, _MODULES), key=lambda r: r.code)
}

__all__ = ["RULES", "Rule"]
