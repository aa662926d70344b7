"""The rule registry: every rule planctl applies, by code, PC (plan consistency) and PE (exit).

Each rule lives in its own module with `CODE`, `TITLE`, `SEVERITY`, a module docstring that is
its documentation, and (except for the loading rules, which the engine applies itself)
`check(plan, derived)`, a generator of findings. Exit rules (`EXIT_CRITERION = True`) answer
pass, fail or not evaluable; exit-check shows all their answers. Adding a rule means adding its
module and naming it here; a test scans this package and proves every module is registered.
"""

from __future__ import annotations

from planctl.rules import (
    dates,
    deadlines,
    declared_counts,
    household_conditions,
    incidence,
    mixed_units,
    policy_rates,
    references,
    region_exits,
    regions,
    restatements,
    rollup,
    schedules,
    schema,
    shares,
    stale_acceptance,
    targets_met,
    third_party,
    unreadable,
    western,
    yaml_ambiguity,
)
from planctl.rules.base import Rule, rule_from_module

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
    western,
    targets_met,
    region_exits,
    incidence,
    household_conditions,
    third_party,
)

RULES: dict[str, Rule] = {
    rule.code: rule for rule in sorted(map(rule_from_module, _MODULES), key=lambda r: r.code)
}

# Codes that earlier versions used for questions another rule now answers.
MERGED = {"PE01": "PC107", "PE03": "PC110", "PE06": "PC109"}

__all__ = ["MERGED", "RULES", "Rule"]
