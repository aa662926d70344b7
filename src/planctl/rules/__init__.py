"""The rule registry: every rule planctl applies, by code, PC (plan consistency) and PE (exit).

Each rule lives in its own module with `CODE`, `TITLE`, `SEVERITY`, a module docstring that is
its documentation, and (except for the loading rules, which the engine applies itself)
`check(plan, derived)`, a generator of findings. Exit rules (`EXIT_CRITERION = True`) answer
pass, fail or not evaluable; exit-check shows all their answers. Adding a rule means adding its
module, and nothing else: the registry is every module of this package (a test checks each is a
complete rule).
"""

from __future__ import annotations

import importlib
import pkgutil

from planctl.rules.base import Rule, rule_from_module

# Every module of this package but `base` is a rule: adding a rule is adding its module.
_MODULES = [
    importlib.import_module(f"{__name__}.{info.name}")
    for info in pkgutil.iter_modules(__path__)
    if info.name != "base"
]

RULES: dict[str, Rule] = {
    rule.code: rule for rule in sorted(map(rule_from_module, _MODULES), key=lambda r: r.code)
}

# Codes that earlier versions used for questions another rule now answers.
MERGED = {"PE01": "PC107", "PE03": "PC110", "PE06": "PC109"}

__all__ = ["MERGED", "RULES", "Rule"]
