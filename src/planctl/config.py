"""Settings from `[tool.planctl]` in pyproject.toml or from planctl.toml, found as ruff finds its
own: from each plan's directory upward, the nearest file winning for that plan.

Plans in different folders of one run may therefore be checked with different settings, as a
monorepo's projects each keep their own. `--config FILE` uses one file for every plan and
`--isolated` none. Command-line options override the file; the file overrides the defaults.
A settings file in a directory anyone may write to (o+w without the sticky bit) could have been
planted by anyone: it is skipped with a warning rather than obeyed.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planctl.i18n import _

CONFIG_FILES = ("planctl.toml", "pyproject.toml")
KEYS = {"select", "ignore", "strict", "lang"}


class ConfigError(Exception):
    """The settings file is unreadable, malformed or has unknown keys (a usage error)."""


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    file: str | None = None
    lang: str | None = None  # the interface's language (`en`, `zh`); None: from the environment


@dataclass(slots=True)
class SettingsFinder:
    """Finds the settings of each plan, reading every settings file at most once.

    `config` names the one file to use for every plan; `isolated` uses none. Skipped files
    (world-writable directories) are listed in `warnings` once each, for the caller to print.
    `check_codes=False` leaves `select`/`ignore` unchecked: checking them loads every rule, which
    the language chosen before a command (even `--help`) must not cost; the command reads the
    file again and checks them.
    """

    config: Path | None = None
    isolated: bool = False
    check_codes: bool = True
    warnings: list[str] = field(default_factory=list)
    _by_folder: dict[Path, Settings] = field(default_factory=dict)
    _by_file: dict[Path, Settings] = field(default_factory=dict)

    def for_plan(self, plan: str | Path) -> Settings:
        """The settings that apply to the plan file `plan` (a path that need not exist)."""
        return self.in_folder(Path(plan).parent)

    def in_folder(self, folder: Path) -> Settings:
        """The settings of the nearest settings file in `folder` or above it."""
        if self.isolated:
            return Settings()
        if self.config is not None:
            return self._read(self.config, explicit=True)
        start = folder.resolve()
        seen: list[Path] = []
        found = Settings()
        for directory in (start, *start.parents):
            if directory in self._by_folder:
                found = self._by_folder[directory]
                break
            seen.append(directory)
            settings = self._in_one_folder(directory)
            if settings is not None:
                found = settings
                break
        for directory in seen:
            self._by_folder[directory] = found
        return found

    def _in_one_folder(self, directory: Path) -> Settings | None:
        for name in CONFIG_FILES:
            candidate = directory / name
            if not os.path.isfile(candidate):  # never raises: a folder we cannot search has none
                continue
            if _open_to_everyone(directory):
                warning = (
                    f"ignoring {candidate}: its directory is writable by everyone "
                    "(chmod o-w it, or pass --config)"
                )
                if warning not in self.warnings:
                    self.warnings.append(warning)
                continue
            settings = self._read(candidate, explicit=False)
            if settings.file is not None:
                return settings
        return None

    def _read(self, path: Path, explicit: bool) -> Settings:
        key = path.resolve()
        if key not in self._by_file:
            self._by_file[key] = read_settings(path, explicit, self.check_codes)
        return self._by_file[key]


def find_settings(start: Path | None = None, check_codes: bool = True) -> Settings:
    """The settings of the nearest settings file in `start` (default: here) or above."""
    return SettingsFinder(check_codes=check_codes).in_folder(start or Path.cwd())


def read_settings(path: Path, explicit: bool = True, check_codes: bool = True) -> Settings:
    """The settings in `path`; a pyproject.toml without `[tool.planctl]` has none (an error when
    the file was named with --config, since a typo there must not check with the defaults)."""
    import tomllib  # here: a run without a settings file never pays for it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise ConfigError(
            _("{path}: cannot be read: {reason}").format(path=path, reason=reason)
        ) from None
    table: Any = data
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(
                _("{path}: 'tool' must be a table ([tool.planctl])").format(path=path)
            )
        if "planctl" not in tool:
            if explicit:
                raise ConfigError(_("{path}: has no [tool.planctl] table").format(path=path))
            return Settings()
        table = tool["planctl"]
        if not isinstance(table, dict):
            raise ConfigError(
                _("{path}: 'tool.planctl' must be a table ([tool.planctl])").format(path=path)
            )
    return _settings(table, path, check_codes)


def _open_to_everyone(directory: Path) -> bool:
    """Whether anyone may create files in `directory` (o+w, and no sticky bit to stop them
    replacing others' files)."""
    try:
        mode = directory.stat().st_mode
    except OSError:
        return False
    return bool(mode & stat.S_IWOTH) and not mode & stat.S_ISVTX


def _settings(table: dict[str, Any], path: Path, check_codes: bool = True) -> Settings:
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(
            _("{path}: unknown setting(s) {names}; known: {known}").format(
                path=path, names=", ".join(sorted(unknown)), known=", ".join(sorted(KEYS))
            )
        )
    return Settings(
        select=_codes(table.get("select", []), path, "select", check_codes),
        ignore=_codes(table.get("ignore", []), path, "ignore", check_codes),
        strict=_flag(table.get("strict", False), path),
        file=str(path),
        lang=_language(table.get("lang"), path),
    )


def _codes(value: Any, path: Path, key: str, check: bool = True) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(
            _("{path}: '{key}' must be a list of rule codes or prefixes").format(path=path, key=key)
        )
    codes = tuple(split_codes(value))
    if not check or not codes:
        return codes
    from planctl.selection import UnknownCodeError, check_codes

    try:
        check_codes(codes, f"{path}: {key}")
    except UnknownCodeError as error:
        raise ConfigError(str(error)) from None
    return codes


def _flag(value: Any, path: Path) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(_("{path}: 'strict' must be true or false").format(path=path))
    return value


def _language(value: Any, path: Path) -> str | None:
    """`lang`, checked: a misspelt language is an error naming the choices, never English."""
    from planctl.i18n import LANGUAGES, UnknownLanguageError, check_language

    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise UnknownLanguageError(str(value))
        return check_language(value)
    except UnknownLanguageError:
        raise ConfigError(
            _("{path}: 'lang' must be one of {choices}, not {value!r}").format(
                path=path, choices=", ".join(LANGUAGES), value=value
            )
        ) from None


def split_codes(values: list[str]) -> list[str]:
    """`["PC1,PC203", "PC3"]` → `["PC1", "PC203", "PC3"]`, upper-cased."""
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]
