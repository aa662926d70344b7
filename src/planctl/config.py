"""Settings from `[tool.planctl]` in pyproject.toml or from planctl.toml, found upwards from here.

Command-line options override the file; the file overrides the defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONFIG_FILES = ("planctl.toml", "pyproject.toml")
KEYS = {"select", "ignore", "strict"}


class ConfigError(Exception):
    """The settings file is unreadable or has unknown keys (a usage error)."""


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    file: str | None = None


def find_settings(start: Path | None = None) -> Settings:
    """The settings of the nearest planctl.toml, or pyproject.toml with a `[tool.planctl]` table."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                table = _table(candidate)
                if table is not None:
                    return _settings(table, candidate)
    return Settings()


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read: {error}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("planctl")
        return table if isinstance(table, dict) else None
    return data


def _settings(table: dict[str, Any], path: Path) -> Settings:
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; "
            f"known: {', '.join(sorted(KEYS))}"
        )
    return Settings(
        select=_codes(table.get("select", []), path, "select"),
        ignore=_codes(table.get("ignore", []), path, "ignore"),
        strict=_flag(table.get("strict", False), path),
        file=str(path),
    )


def _codes(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: '{key}' must be a list of rule codes or prefixes")
    from planctl.selection import UnknownCodeError, check_codes

    codes = tuple(split_codes(value))
    try:
        check_codes(codes, f"{path}: {key}")
    except UnknownCodeError as error:
        raise ConfigError(str(error)) from None
    return codes


def _flag(value: Any, path: Path) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: 'strict' must be true or false")
    return value


def split_codes(values: list[str]) -> list[str]:
    """`["PC1,PC203", "PC3"]` → `["PC1", "PC203", "PC3"]`, upper-cased."""
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]
