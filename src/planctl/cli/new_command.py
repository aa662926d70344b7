"""`planctl new`: start a plan file from a commented template."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import LangOption
from planctl.i18n import N_, _

HELP = N_("""Write a template plan for the region NAME: every section of the format with a short
comment on each key and sample figures that agree with each other, so the file passes
`planctl validate` as written. Replace the samples with the document's figures, validating as
you go.

Its first line points editors at the JSON Schema (docs/editors.md): at planctl.schema.json or
plan.schema.json beside the new file when one is there; otherwise at planctl.schema.json, with a
comment saying to create it with `planctl schema -o DIR/planctl.schema.json`.

Without -o the template is printed. An existing file is not overwritten unless --force.

Examples:

  planctl new 示例县 -o plans/shixian.yaml

  planctl new 示例县 > draft.yaml

Exit codes: 0 written, 2 usage error (such as an existing file without --force).
""")


def new(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help=_("The region (or plan) name, e.g. 示例县."))
    ],
    output: Annotated[
        str | None, typer.Option("--output", "-o", help=_("Write the template to this file."))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=_("Overwrite an existing file."))] = False,
    lang: LangOption = None,
) -> None:
    from os.path import lexists
    from pathlib import Path

    from planctl.atomic import write_atomic
    from planctl.template import plan_template

    if not name.strip():
        raise typer.BadParameter(_("give the region's name, e.g. 示例县"), param_hint="NAME")
    text = plan_template(name.strip(), Path(output).parent if output is not None else None)
    if output is None:
        typer.echo(text, nl=False)
        return
    if lexists(output) and not force:
        raise typer.BadParameter(
            _("{output} exists; use --force to overwrite it").format(output=output),
            param_hint="--output",
        )
    try:
        write_atomic(output, text)
    except OSError as error:
        raise typer.BadParameter(
            _("cannot write {output}: {reason}").format(
                output=output, reason=error.strerror or error
            ),
            param_hint="--output",
        ) from None
    typer.echo(
        _("wrote {output}; check it with: planctl validate {output}").format(output=output),
        err=True,
    )


new.__doc__ = _(HELP)
