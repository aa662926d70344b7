"""`planctl rules`: list the rules, or explain one."""

from __future__ import annotations

from typing import Annotated

import typer


def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code, e.g. PC101.")] = None,
) -> None:
    """List every rule with its code, severity and title, or print one rule's documentation.

    Examples:

      planctl rules

      planctl rules PC101
    """
    from planctl.rules import RULES

    if code is None:
        for rule in RULES.values():
            typer.echo(f"{rule.code:<6} {rule.severity:<7}  {rule.title}")
        return
    from planctl.rules import MERGED

    found = RULES.get(code.upper())
    if found is None and code.upper() in MERGED:
        found = RULES[MERGED[code.upper()]]
        typer.echo(f"{code.upper()} is now answered by {found.code}.\n")
    if found is None:
        raise typer.BadParameter(f"no rule {code}; `planctl rules` lists them", param_hint="CODE")
    typer.echo(f"{found.code}: {found.title} (default severity: {found.severity})\n\n{found.doc}")
