"""Options shared by several commands, defined once."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any

import typer

from planctl.i18n import LANGUAGES, _
from planctl.render import FORMATS, formats_of


class ColorChoice(StrEnum):
    """The global `--color` option's values (the decision is `cli.output.wants_color`)."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help=_(
            "Output format: {formats}. Default: github under GitHub Actions, table on a "
            "terminal, text otherwise."
        ).format(formats=", ".join(FORMATS)),
        show_default=False,
    ),
]
OutputFileOption = Annotated[
    str | None,
    typer.Option("--output-file", "-o", help=_("Write the report to this file instead of stdout.")),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help=_(
            "Print only the findings that fail the run, and no summary (table and text; the "
            "exit code is the same)."
        ),
    ),
]


def _set_language(ctx: typer.Context, value: str | None) -> str | None:
    """Speak the language of `--lang`, or of the settings file, or of the environment, before
    any other option is checked (their errors are then in that language)."""
    from planctl.config import ConfigError
    from planctl.i18n import (
        UnknownLanguageError,
        command_line_language,
        from_environment,
        language,
        speak_to_dependencies,
        use,
    )

    if ctx.resilient_parsing:  # shell completion
        return value
    try:
        use(command_line_language(value))
    except UnknownLanguageError as error:
        raise typer.BadParameter(
            _("'{given}': choose one of {choices}").format(
                given=error.given, choices=", ".join(LANGUAGES)
            ),
            param_hint="--lang",
        ) from None
    except ConfigError:
        use(from_environment())  # the commands that read the settings report the error
    speak_to_dependencies(language())
    return value


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=_(
            "Language of the output: en or zh. Default: lang in the settings file, else the "
            "locale (LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese), else en."
        ),
        callback=_set_language,
        is_eager=True,
        show_default=False,
        metavar="en|zh",
    ),
]
StatisticsOption = Annotated[
    bool,
    typer.Option(
        "--statistics", help=_("After the findings, a line per rule code with its count.")
    ),
]


def format_option(kind: str) -> Any:
    """The --format option of a command whose result is `kind`, listing the formats it offers."""
    return typer.Option(
        "--format",
        "-f",
        help=(
            _(
                "Output format: {formats}. Default: github under GitHub Actions, table on a "
                "terminal, text otherwise."
            )
            if "github" in formats_of(kind)
            else _("Output format: {formats}. Default: table on a terminal, text otherwise.")
        ).format(formats=", ".join(formats_of(kind))),
        show_default=False,
    )


def choose_format(given: str | None, formats: Mapping[str, object] = FORMATS) -> str:
    """The format asked for among `formats`, or the right default for where the output goes."""
    if given is not None:
        if given not in formats:
            raise typer.BadParameter(
                _("unknown format '{given}'; choose one of: {choices}").format(
                    given=given, choices=", ".join(formats)
                ),
                param_hint="--format",
            )
        return given
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in formats:
        return "github"
    return "table" if sys.stdout.isatty() else "text"
