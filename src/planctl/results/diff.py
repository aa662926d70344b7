"""What `planctl diff` found: the changes between two plan files, each located in both files."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from planctl.diff.structure import Change


@dataclass(frozen=True, slots=True)
class LocatedChange:
    """A change and its line in OLD (where it was) and in NEW (where it is); None if absent."""

    change: Change
    old_line: int | None
    new_line: int | None

    @property
    def line(self) -> int | None:
        """The line to open: in NEW, or in OLD for what was removed."""
        return self.new_line if self.new_line is not None else self.old_line


@dataclass(frozen=True, slots=True)
class DiffResult:
    old: str
    new: str
    changes: list[LocatedChange]

    @property
    def identical(self) -> bool:
        return not self.changes

    def counts(self) -> dict[str, int]:
        """Changes per kind, in the order the kinds first appear."""
        return dict(Counter(str(located.change.kind) for located in self.changes))

    @property
    def exit_code(self) -> int:
        """As for diff(1): 0 the same, 1 different."""
        return 0 if self.identical else 1
