"""Refusing to write a report or an export over the files it was made from.

`planctl validate -o plans/*.yaml` reaches planctl as `-o plans/a.yaml plans/b.yaml …`: the shell
has made the first plan the output file, and writing the report there would destroy it. The same
goes for `export -o` or `trace -o` naming the plan or its source document, under any name (a
link, `./`, another path to the same file). So every file planctl writes is checked here first.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from planctl.discover import PLAN_SUFFIXES
from planctl.loader import STDIN


class OverwriteError(Exception):
    """An output file is one of the inputs, or a plan file: nothing was written."""

    def __init__(self, output: str, message: str) -> None:
        super().__init__(message)
        self.output = output
        self.message = message


def refuse_inputs(outputs: Iterable[str], inputs: Iterable[str]) -> None:
    """Raise `OverwriteError` when one of `outputs` is one of `inputs` (the same file, however
    named) or an existing plan file (`*.yaml`, `*.yml`)."""
    identities: dict[tuple[int, int], str] = {}
    for given in inputs:
        identity = _identity(given) if given != STDIN else None
        if identity is not None:
            identities.setdefault(identity, given)
    for output in outputs:
        identity = _identity(output)
        if identity is None:
            continue  # a new file, or a device or pipe: writing there destroys nothing read
        if identity in identities:
            raise OverwriteError(
                output,
                f"{output} is {_which(output, identities[identity])} of this run; writing there "
                "would destroy it: choose another output file",
            )
        if output.lower().endswith(PLAN_SUFFIXES):
            raise OverwriteError(
                output,
                f"{output} is a plan file; a report or an export is never written over one "
                "(a shell pattern such as plans/*.yaml after -o names a plan as the output)",
            )


def _identity(path: str) -> tuple[int, int] | None:
    """Device and inode of the regular file at `path` (links followed), None if there is none."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_dev, status.st_ino


def _which(output: str, given: str) -> str:
    return "an input" if output == given else f"the same file as the input {given}"
