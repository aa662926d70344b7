"""Opening the one plan a calculator command works on.

The calculators need a plan that fits the format; a plan that does not (a typo, a figure without
a unit) gets its findings and the summary line on stderr and exit 1, the same as `validate`
would report, instead of a crash or a half-computed screen.
"""

from __future__ import annotations

import sys

import typer

from planctl.engine import FileResult
from planctl.i18n import _


def open_plan(name: str, param_hint: str = "PLAN") -> FileResult:
    """Check the plan `name` (a path, or a bare name under plans/) with the settings found above
    it, as validate would; exit 1 if it has no plan."""
    from planctl.cli.policy import checking_policy
    from planctl.discover import PathNotFoundError, resolve_plan
    from planctl.engine import check_file
    from planctl.render import RenderOptions, render
    from planctl.results import CheckResult

    try:
        path = resolve_plan(name)
    except PathNotFoundError:
        raise typer.BadParameter(
            _("no such plan: {name} (give a path, or a name under plans/)").format(name=name),
            param_hint=param_hint,
        ) from None
    result = check_file(path, checking_policy(None, None, False, False).options_for(path))
    if result.plan is None:
        sys.stdout.flush()
        render("validate", "text", CheckResult("validate", [result]), RenderOptions(), sys.stderr)
        sys.stderr.write(
            "planctl: "
            + _("{file} is not a valid plan; fix the errors above").format(file=result.file)
            + "\n"
        )
        raise typer.Exit(1)
    return result
