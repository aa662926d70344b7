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
    if name == STDIN or may_exist(name):
        return name
    if os.sep not in name and "/" not in name:
        for candidate in (name, *(name + suffix for suffix in PLAN_SUFFIXES)):
            under_plans = os.path.join(DEFAULT_DIRECTORY, candidate)
            if os.path.isfile(under_plans):
                return under_plans
    raise PathNotFoundError(name)


def may_exist(path: str) -> bool:
    """Whether something is at `path`, or may be: behind a directory that cannot be searched,
    reading it says "permission denied", which is truer than "no such file"."""
    try:
        os.stat(path)
    except PermissionError:
        return True
    except (OSError, ValueError):
        return os.path.lexists(path)  # a dangling link or a loop is reported when read
    return True


def discover(paths: list[str]) -> list[str]:
    """Expand directories recursively to their `*.yaml`/`*.yml` files; no path means `plans/`.

    A directory that cannot be listed is kept in the list as if it were a file: reading it
    reports it (PC001), so a run that could not see some plans never passes as clean.
    """
    if not paths:
        paths = [DEFAULT_DIRECTORY]
    files: list[str] = []
    for given in paths:
        path = resolve_plan(given)
        if path != STDIN and os.path.isdir(path):
            files.extend(_plan_files(path))
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def _plan_files(directory: str) -> list[str]:
    # os.walk does not follow symbolic links to directories, so a link loop cannot trap it.
    found: list[str] = []

    def unlisted(error: OSError) -> None:
        found.append(str(Path(error.filename or directory)))

    for root, dirs, names in os.walk(directory, onerror=unlisted):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            str(Path(root) / name) for name in sorted(names) if name.endswith(PLAN_SUFFIXES)
        )
    return found
