"""The checking policy every command that checks a plan shares: selection, strictness,
acceptances, and the settings files, turned into the engine's `Options` in one place.

As in ruff, settings are found per plan (the nearest planctl.toml or pyproject.toml with
`[tool.planctl]` above the plan), `--select`/`--ignore` replace the file's lists and
`--extend-select`/`--extend-ignore` add to them. Plans whose settings differ are checked in
groups, each with its own `Options`, and reported in the order they were given.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planctl.i18n import _

if TYPE_CHECKING:
    from planctl.config import Settings, SettingsFinder
    from planctl.engine import FileResult, Options

SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help=_(
            "Only these rule codes or prefixes (PC101, PC1, PE; repeatable); replaces the "
            "settings file's select."
        ),
    ),
]
ExtendSelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-select",
        help=_("Add these codes or prefixes to the settings file's select (when it has one)."),
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        help=_(
            "Skip these rule codes or prefixes (repeatable); replaces the settings file's ignore."
        ),
    ),
]
ExtendIgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--extend-ignore", help=_("Skip these codes too, besides the settings file's.")),
]
StrictOption = Annotated[bool, typer.Option("--strict", help=_("Warnings fail the run too."))]
NoAcceptedOption = Annotated[
    bool,
    typer.Option("--no-accepted", help=_("Show every finding as if the plans accepted none.")),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help=_(
            "Use this planctl.toml or pyproject.toml for every plan instead of finding the "
            "nearest one above each plan."
        ),
        dir_okay=False,
        show_default=False,
    ),
]
ShowOption = Annotated[
    str,
    typer.Option(
        "--show",
        help=_(
            "The least severe findings to report: error, warning (default) or info (also "
            "sums that agree only at the printed precision). Findings left out do not count "
            "towards the exit code."
        ),
        show_default=False,
    ),
]
IsolatedOption = Annotated[
    bool,
    typer.Option("--isolated", help=_("Ignore every settings file: defaults and options only.")),
]


SHOW_LEVELS = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Policy:
    """What the command line asked for; `options(settings)` lays it over one plan's settings."""

    select: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...] | None
    extend_ignore: tuple[str, ...]
    strict: bool
    use_accepted: bool
    max_bytes: int
    finder: SettingsFinder
    show: str = "warning"

    def options(self, settings: Settings) -> Options:
        """The engine's options for a plan with `settings`: ruff's replace-or-extend rules.

        An empty select means every rule, so extending it changes nothing; an ignored code
        stays ignored whatever is selected."""
        from planctl.engine import Options
        from planctl.findings import Severity

        select = settings.select if self.select is None else self.select
        if select:
            select = (*select, *self.extend_select)
        ignore = settings.ignore if self.ignore is None else self.ignore
        return Options(
            select=select,
            ignore=(*ignore, *self.extend_ignore),
            strict=self.strict or settings.strict,
            use_accepted=self.use_accepted,
            max_bytes=self.max_bytes,
            show=Severity(self.show),
        )

    def options_for(self, plan: str) -> Options:
        """The options of the plan file `plan` (its settings are looked for above it)."""
        from planctl.config import ConfigError

        try:
            settings = self.finder.for_plan(plan)
        except ConfigError as error:
            raise typer.BadParameter(str(error)) from None
        return self.options(settings)

    def groups(self, plans: Sequence[str]) -> dict[Options, list[int]]:
        """The indices of `plans` by the options they are checked with; warnings about
        skipped settings files go to stderr once."""
        grouped: dict[Options, list[int]] = {}
        for index, plan in enumerate(plans):
            grouped.setdefault(self.options_for(plan), []).append(index)
        for warning in self.finder.warnings:
            sys.stderr.write("planctl: " + _("warning: {warning}").format(warning=warning) + "\n")
        self.finder.warnings.clear()
        return grouped


def checking_policy(
    select: list[str] | None,
    ignore: list[str] | None,
    strict: bool,
    no_accepted: bool,
    max_bytes: int | None = None,
    *,
    extend_select: list[str] | None = None,
    extend_ignore: list[str] | None = None,
    config: Path | None = None,
    isolated: bool = False,
    show: str = "warning",
) -> Policy:
    """The policy of the command line; a mistyped code or unusable --config is a usage error."""
    from planctl.config import ConfigError, SettingsFinder, split_codes
    from planctl.loader import DEFAULT_MAX_BYTES
    from planctl.selection import UnknownCodeError, check_codes

    typed = {
        "--select": select,
        "--extend-select": extend_select,
        "--ignore": ignore,
        "--extend-ignore": extend_ignore,
    }
    codes = {name: tuple(split_codes(values or [])) for name, values in typed.items()}
    try:
        for name, given in codes.items():
            check_codes(given, name)
    except UnknownCodeError as error:
        raise typer.BadParameter(str(error)) from None
    if show not in SHOW_LEVELS:
        raise typer.BadParameter(
            _("'{given}': choose one of {choices}").format(
                given=show, choices=", ".join(SHOW_LEVELS)
            ),
            param_hint="--show",
        )
    if config is not None and isolated:
        raise typer.BadParameter(
            _("--config and --isolated exclude each other"), param_hint="--config"
        )
    finder = SettingsFinder(config=config, isolated=isolated)
    if config is not None:
        try:
            finder.in_folder(Path.cwd())  # a --config that cannot be used fails before any check
        except ConfigError as error:
            raise typer.BadParameter(str(error), param_hint="--config") from None
    return Policy(
        select=codes["--select"] if select else None,
        extend_select=codes["--extend-select"],
        ignore=codes["--ignore"] if ignore else None,
        extend_ignore=codes["--extend-ignore"],
        strict=strict,
        use_accepted=not no_accepted,
        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
        finder=finder,
        show=show,
    )


def check_grouped(
    files: Sequence[str], policy: Policy, jobs: int, settings_paths: Sequence[str] | None = None
) -> tuple[list[FileResult], frozenset[int]]:
    """Check `files`, each with its own settings' options (found from `settings_paths`, one per
    file, when given: standard input's name), results in the order of `files`; with the indices
    of the files checked strictly."""
    from planctl.parallel import check_files

    grouped = policy.groups(settings_paths or files)
    results: list[FileResult | None] = [None] * len(files)
    strict: set[int] = set()
    for options, indices in grouped.items():
        checked = check_files([files[index] for index in indices], options, jobs)
        for index, result in zip(indices, checked, strict=True):
            results[index] = result
        if options.strict:
            strict.update(indices)
    return [result for result in results if result is not None], frozenset(strict)
