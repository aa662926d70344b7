"""`planctl schema`: the JSON Schema of plan files, for editors and check-jsonschema."""

from __future__ import annotations

import typer


def schema() -> None:
    """Print the JSON Schema of the plan format.

    Editors with the YAML language server validate plan files as you type when a plan starts
    with `# yaml-language-server: $schema=../schema/plan.schema.json`.

    Example:

      planctl schema > schema/plan.schema.json
    """
    from planctl.model.schema import schema_text

    typer.echo(schema_text(), nl=False)
