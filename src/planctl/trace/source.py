"""The source document as lines of text, normalised for matching without moving any column.

Documents print the same figure in several ways: full-width digits (`４８８０５`), a full-width
percent sign (`％`), a full-width point (`３．５`). Each of these is one character standing for one
ASCII character, so the normalised line has exactly the columns of the printed one and a match
found in it points at the right place in the file. Word-processor bookmarks
(`[bookmark: _Toc525829442]`) carry digits that are not figures: they are blanked with spaces of
the same length, for the same reason, and so are URLs, e-mail addresses, hashes and file names
(`planctl.trace.addresses`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from planctl.discover import may_exist
from planctl.i18n import _
from planctl.loader import LoadError, read_bytes
from planctl.loader.decode import decode
from planctl.trace.addresses import blank_addresses

# One character for one character, so that columns never move.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
        "％": "%",
        "．": ".",
        "＋": "+",
        "－": "-",
    }
)
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")

MAX_SOURCE_BYTES = 50 * 1024 * 1024


class SourceError(Exception):
    """The source document cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class SourceText:
    """The document's lines as printed and as normalised for matching (same length each)."""

    name: str
    printed: tuple[str, ...]
    lines: tuple[str, ...]

    @classmethod
    def from_text(cls, text: str, name: str = "<source>") -> SourceText:
        printed = tuple(text.removeprefix("\ufeff").splitlines())
        return cls(name, printed, tuple(blank_addresses(normalise(line)) for line in printed))

    def excerpt(self, line: int, start: int, end: int, around: int = 12) -> str:
        """The printed text of a match with a little context (1-based line, 0-based columns)."""
        text = self.printed[line - 1]
        before = text[max(0, start - around) : start].lstrip()
        after = text[end : end + around].rstrip()
        left = "…" if start - around > 0 and before else ""
        right = "…" if end + around < len(text) and after else ""
        return f"{left}{before}{text[start:end]}{after}{right}"


def normalise(line: str) -> str:
    """Fold full-width digits and signs to ASCII and blank bookmark markup, column for column."""
    folded = line.translate(_FOLD)
    return _BOOKMARK.sub(lambda match: " " * len(match.group()), folded)


def read_source(path: str) -> SourceText:
    """Read and decode the source document at `path`."""
    if not may_exist(path):  # what is there but cannot be read is said by read_bytes
        raise SourceError(_("no such file: {path}").format(path=path))
    try:
        return SourceText.from_text(decode(read_bytes(path, MAX_SOURCE_BYTES)), path)
    except LoadError as error:
        raise SourceError(f"{path}: {error.message}") from None


# What marks the top of a plan's project: the settings file, a Python project, a repository.
PROJECT_MARKERS = ("planctl.toml", "pyproject.toml", ".git")


def project_of(plan_file: str) -> Path:
    """The nearest directory at or above the plan's holding one of `PROJECT_MARKERS`; the
    plan's own directory when there is none."""
    directory = Path(os.path.realpath(plan_file)).parent
    for candidate in (directory, *directory.parents):
        if any((candidate / marker).exists() for marker in PROJECT_MARKERS):
            return candidate
    return directory


def source_candidates(plan_file: str, named: str) -> list[str]:
    """Where a plan's `source.file` may be: beside the plan file, then in the current
    directory, and only inside the plan's project (`project_of`).

    A plan is data that may come from anyone (a pull request): the file it names is read and
    excerpts of it printed, so a name that is absolute or leads out of the project (`../`, a
    symbolic link) could print any file of the machine into a log. Such a name is refused with
    `SourceError`; a source given on the command line is the user's own choice and not checked.
    """
    project = project_of(plan_file)
    if Path(named).is_absolute():
        raise SourceError(
            _("{named} is an absolute path; name a file inside {project}").format(
                named=named, project=project
            )
        )
    places = [Path(plan_file).parent / named, Path(named)]
    inside = [str(place) for place in places if _within(place, project)]
    if not inside:
        raise SourceError(
            _("{named} leads out of the plan's project {project}").format(
                named=named, project=project
            )
        )
    return list(dict.fromkeys(inside))


def _within(path: Path, directory: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(directory)
