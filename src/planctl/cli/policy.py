"""The checking policy every command that checks a plan shares: selection, strictness,
acceptances, and the settings file, turned into the engine's `Options` in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from planctl.engine import Options

SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select", help="Only these rule codes or prefixes (PC101, PC1, PE; repeatable)."
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Skip these rule codes or prefixes (repeatable)."),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")]
NoAcceptedOption = Annotated[
    bool,
    typer.Option("--no-accepted", help="Show every finding as if the plans accepted none."),
]


def engine_options(
    select: list[str] | None,
    ignore: list[str] | None,
    strict: bool,
    no_accepted: bool,
    max_bytes: int | None = None,
) -> Options:
    """Options from the command line, over those of planctl.toml / pyproject.toml."""
    from planctl.config import ConfigError, find_settings, split_codes
    from planctl.engine import Options
    from planctl.loader import DEFAULT_MAX_BYTES

    try:
        settings = find_settings()
    except ConfigError as error:
        raise typer.BadParameter(str(error)) from None
    from planctl.selection import UnknownCodeError, check_codes

    try:
        check_codes(split_codes(select or []), "--select")
        check_codes(split_codes(ignore or []), "--ignore")
    except UnknownCodeError as error:
        raise typer.BadParameter(str(error)) from None
    return Options(
        select=tuple(split_codes(select)) if select else settings.select,
        ignore=tuple(split_codes(ignore)) if ignore else settings.ignore,
        strict=strict or settings.strict,
        use_accepted=not no_accepted,
        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
    )
