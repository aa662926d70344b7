"""The texts Click and Typer print on planctl's behalf (usage, help headings, usage errors),
listed so that the `planctl` catalog carries their Chinese wording.

Both libraries translate with the standard library's `gettext.gettext`, that is in the
process's global text domain, which a program (not a library) sets:
`planctl.i18n.speak_to_dependencies` binds it to planctl's catalog. The ids are the libraries'
own English texts; one that a release rewords is simply shown in English again (the catalog
test still passes: only this list is checked).
"""

from __future__ import annotations

from planctl.i18n import N_, ngettext

TEXTS = (
    N_("Usage:"),
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Option {name!r} requires an argument."),
    N_("Option {name!r} does not take a value."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not one of {choices}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a directory."),
    N_("default: {default}"),
    N_("required"),
    N_("Aborted!"),
)


def plurals(count: int) -> tuple[str, ...]:
    """The libraries' texts that depend on a count (marked here as `ngettext` calls)."""
    return (
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", count),
        ngettext(
            "Got unexpected extra argument ({args})",
            "Got unexpected extra arguments ({args})",
            count,
        ),
    )
