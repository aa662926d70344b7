"""`planctl rules`: list the rules, or explain one."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import LangOption, OutputFileOption, choose_format, format_option
from planctl.i18n import _, translated_doc


@translated_doc
def rules(
    code: Annotated[str | None, typer.Argument(help=_("A rule code, e.g. PC101."))] = None,
    fmt: Annotated[str | None, format_option("rules")] = None,
    output_file: OutputFileOption = None,
    lang: LangOption = None,
) -> None:
    """List every rule (PC: plan consistency, PE: exit criteria) with its code, default severity
    and title, or print one rule's documentation: what it checks, a passing and a failing example.

    Examples:

      planctl rules

      planctl rules PC101

      planctl rules PE05

      planctl rules --format json
    """
    from planctl.cli.output import emit
    from planctl.render import formats_of
    from planctl.rules import MERGED, RULES

    fmt = choose_format(fmt, formats_of("rules"))
    if code is None:
        emit("rules", list(RULES.values()), fmt, output_file)
        return
    wanted = code.upper()
    if wanted in MERGED:
        typer.echo(
            _("{wanted} is now answered by {new}.").format(wanted=wanted, new=MERGED[wanted]),
            err=True,
        )
        wanted = MERGED[wanted]
    found = RULES.get(wanted)
    if found is None:
        raise typer.BadParameter(
            _("no rule {code}; `planctl rules` lists them").format(code=code), param_hint="CODE"
        )
    emit("rules", [found], fmt, output_file)
