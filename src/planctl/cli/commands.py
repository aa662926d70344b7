"""The list of commands, and the group that builds each one only when it is asked for.

Typer builds a command by reading the annotations of its function, which means importing the
command's module and everything that module needs; doing that for every command costs more than
the rest of `planctl --help` together. So the table below names each command's module and gives
its one-line summary, `planctl --help` lists the table, and a command is imported and built the
first time it is looked up: `planctl validate ...` builds `validate` alone. The summary is also
the command's `short_help`, so the list reads the same whichever way it was drawn.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer

from planctl.cli.wrapper_texts import SpeakingCommand, SpeakingGroup
from planctl.i18n import N_, _, ngettext

if TYPE_CHECKING:  # typer before 0.26 uses click itself, later releases a copy of their own
    from typer._click import Command, Context, HelpFormatter


@dataclass(frozen=True, slots=True)
class Entry:
    """Where a command lives (`planctl.cli.<module>:<function>`) and what it does, in a line
    (English, marked for the catalog; shown through `_`)."""

    module: str
    function: str
    summary: str


COMMANDS: dict[str, Entry] = {
    "validate": Entry(
        "validate_command", "validate", N_("Check plan files: format, totals, counts, exits.")
    ),
    "rules": Entry(
        "rules_command", "rules", N_("List the rules, or print one rule's documentation.")
    ),
    "schema": Entry("schema_command", "schema", N_("Print the JSON Schema of the plan format.")),
    "exit-check": Entry(
        "exit_check_command", "exit_check", N_("Is every exit target met by its year?")
    ),
    "trace": Entry("trace_command", "trace", N_("Find each figure of a plan in its source text.")),
    "show": Entry("show_command", "show", N_("Show one plan on one screen.")),
    "budget": Entry("budget_command", "budget", N_("Show the budget as a tree, with its sums.")),
    "schedule": Entry("schedule_command", "schedule", N_("Show the plan year by year.")),
    "diff": Entry("diff_command", "diff", N_("Compare two versions of a plan.")),
    "export": Entry("export_command", "export", N_("Export a plan as flat tables (CSV, xlsx).")),
    "new": Entry("new_command", "new", N_("Write a template plan for a region.")),
    "report": Entry("report_command", "report", N_("Write one HTML report of plans.")),
    "completion": Entry(
        "completion_command", "completion", N_("Print the shell completion script.")
    ),
}


def build(name: str) -> Command:
    """The click command `name`, made by Typer from its function, as `app.command()` would."""
    entry = COMMANDS[name]
    function = getattr(importlib.import_module(f"planctl.cli.{entry.module}"), entry.function)
    one = typer.Typer(rich_markup_mode=None, add_completion=False, pretty_exceptions_enable=False)
    one.command(name, cls=SpeakingCommand, short_help=_(entry.summary))(function)
    return typer.main.get_command(one)


class LazyCommands(MutableMapping[str, "Command"]):
    """The group's commands by name: every name is known at once, each command built on first use.

    Typer's group reads `commands` for lookups and for "did you mean" suggestions, so the
    names must all be there before any command is built.
    """

    def __init__(self) -> None:
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        raise TypeError("planctl's commands cannot be removed")

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class LazyGroup(SpeakingGroup):
    """planctl's top-level group: commands from `COMMANDS`, built when looked up."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands()

    def resolve_command(self, ctx: Context, args: list[str]) -> Any:
        """An unknown command is a usage error that names it and the closest commands."""
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            message = _("No such command {name!r}.").format(name=name)
            close = difflib.get_close_matches(name, COMMANDS)
            if close:
                possible = ", ".join(repr(match) for match in close)
                mean = ngettext(
                    "Did you mean {possibility}?",
                    "(Did you mean one of: {possibilities}?)",
                    len(close),
                )
                message += " " + mean.format(possibility=possible, possibilities=possible)
            ctx.fail(message)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The command list from the summaries, laid out as Typer lays out its own list."""
        rows = [(name, _(entry.summary)) for name, entry in COMMANDS.items()]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)
