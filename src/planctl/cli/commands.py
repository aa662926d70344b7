"""The list of commands; each lives in its own module and imports what it needs when it runs."""

from __future__ import annotations

import typer

from planctl.cli import (
    exit_check_command,
    rules_command,
    schema_command,
    trace_command,
    validate_command,
)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command.validate)
    app.command("rules")(rules_command.rules)
    app.command("schema")(schema_command.schema)
    app.command("exit-check")(exit_check_command.exit_check)
    app.command("trace")(trace_command.trace)
