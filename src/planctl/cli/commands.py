"""The list of commands; each lives in its own module and imports what it needs when it runs."""

from __future__ import annotations

import typer

from planctl.cli import (
    budget_command,
    diff_command,
    exit_check_command,
    export_command,
    new_command,
    report_command,
    rules_command,
    schedule_command,
    schema_command,
    show_command,
    trace_command,
    validate_command,
)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command.validate)
    app.command("rules")(rules_command.rules)
    app.command("schema")(schema_command.schema)
    app.command("exit-check")(exit_check_command.exit_check)
    app.command("trace")(trace_command.trace)
    app.command("show")(show_command.show)
    app.command("budget")(budget_command.budget)
    app.command("schedule")(schedule_command.schedule)
    app.command("diff")(diff_command.diff)
    app.command("export")(export_command.export)
    app.command("new")(new_command.new)
    app.command("report")(report_command.report)
