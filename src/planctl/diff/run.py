"""`planctl diff` as a library call: read both plans, compare them, locate every change."""

from __future__ import annotations

from planctl.diff.structure import diff_data
from planctl.loader import Document, LoadError, load
from planctl.location import PlanPath
from planctl.results.diff import DiffResult, LocatedChange


class UnreadablePlanError(Exception):
    """One of the two files cannot be read as YAML: which one (OLD or NEW), and why."""

    def __init__(self, which: str, file: str, error: LoadError) -> None:
        where = f"{file}:{error.position}" if error.position else file
        super().__init__(f"{where}: {error.message}")
        self.which = which


def diff_files(old_file: str, new_file: str) -> DiffResult:
    """Every change from `old_file` to `new_file`, each with its line in either file."""
    old, new = _read(old_file, "OLD"), _read(new_file, "NEW")
    changes = [
        LocatedChange(change, _line(old, change.old_path), _line(new, change.new_path))
        for change in diff_data(old.data, new.data)
    ]
    return DiffResult(old_file, new_file, changes)


def _line(document: Document, path: PlanPath | None) -> int | None:
    return document.locate(path).line if path is not None else None


def _read(file: str, which: str) -> Document:
    try:
        return load(file)
    except LoadError as error:
        raise UnreadablePlanError(which, file, error) from None
