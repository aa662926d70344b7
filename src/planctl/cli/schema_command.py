"""`planctl schema`: the JSON Schema of plan files, for editors and check-jsonschema."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import LangOption
from planctl.i18n import _, translated_doc


@translated_doc
def schema(
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help=_("Write the schema to this file (e.g. plans/plan.schema.json).")
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of the plan format, or write it with -o.

    Editors with the YAML language server validate plan files as you type when a plan starts
    with `# yaml-language-server: $schema=plan.schema.json` and the schema is written next to
    the plans; `planctl new` writes that line. docs/editors.md says how to set up VS Code and
    other editors.

    Examples:

      planctl schema -o plans/plan.schema.json

      planctl schema > schema/plan.schema.json

    Exit codes: 0 written, 2 usage error (such as a file that cannot be written).
    """
    from planctl.cli.output import deliver
    from planctl.model.schema import schema_text

    deliver(schema_text(), output)
    if output is not None:
        typer.echo(_("wrote {output}").format(output=output), err=True)
