"""Command-line paths → the plan files to check, in a stable order."""

from __future__ import annotations

import os
from pathlib import Path

from planctl.loader import STDIN

PLAN_SUFFIXES = (".yaml", ".yml")
DEFAULT_DIRECTORY = "plans"


class PathNotFoundError(Exception):
    """A path given on the command line does not exist (a usage error, not a plan error)."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def resolve_plan(name: str) -> str:
    """A path as given, or a bare name found under `plans/` (`luoyang` or `luoyang.yaml`)."""
    if name == STDIN or Path(name).exists():
        return name
    if os.sep not in name and "/" not in name:
        for candidate in (name, *(name + suffix for suffix in PLAN_SUFFIXES)):
            under_plans = Path(DEFAULT_DIRECTORY) / candidate
            if under_plans.is_file():
                return str(under_plans)
    raise PathNotFoundError(name)


def discover(paths: list[str]) -> list[str]:
    """Expand directories recursively to their `*.yaml`/`*.yml` files; no path means `plans/`."""
    if not paths:
        paths = [DEFAULT_DIRECTORY]
    files: list[str] = []
    for given in paths:
        path = resolve_plan(given)
        if path != STDIN and Path(path).is_dir():
            files.extend(_plan_files(Path(path)))
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def _plan_files(directory: Path) -> list[str]:
    # os.walk does not follow symbolic links to directories, so a link loop cannot trap it.
    found: list[str] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            str(Path(root) / name) for name in sorted(names) if name.endswith(PLAN_SUFFIXES)
        )
    return found
