"""What reading a plan produces: its data, where each part is written, and what looked wrong."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from planctl.location import PlanPath, Position

# The deepest nesting of collections a plan may have: both readers refuse deeper ones.
MAX_DEPTH = 100


class Marks(Mapping[PlanPath, Position]):
    """Positions kept as the parser's own marks, turned into `Position`s when asked for.

    A mark is PyYAML's mark object (the Python reader) or one integer, `line << 32 | column`
    (the C reader, `planctl/loader/_native.c`).

    A plan has two positions per key and value; making a `Position` for each while reading took
    a fifth of the reading time, and most are never asked for. The parser makes a mark for every
    event anyway (a compact object of C integers), so keeping it costs nothing and the
    `Position` is made only for the few paths a finding points at.
    """

    __slots__ = ("marks",)

    def __init__(self, marks: dict[PlanPath, Any] | None = None) -> None:
        self.marks: dict[PlanPath, Any] = {} if marks is None else marks

    def __getitem__(self, path: PlanPath) -> Position:
        return _position(self.marks[path])

    def get(self, path: PlanPath, default: Any = None) -> Any:
        mark = self.marks.get(path)
        return default if mark is None else _position(mark)

    def __contains__(self, path: object) -> bool:
        return path in self.marks

    def __iter__(self) -> Iterator[PlanPath]:
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)


def _position(mark: Any) -> Position:
    """A PyYAML mark, or the C reader's `line << 32 | column` (both counted from 0)."""
    if type(mark) is int:
        return Position((mark >> 32) + 1, (mark & 0xFFFFFFFF) + 1)
    return Position(mark.line + 1, mark.column + 1)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the YAML itself, found while reading; reading goes on."""

    message: str
    path: PlanPath
    position: Position


@dataclass(slots=True)
class Document:
    """A plan's data with where each part came from."""

    data: Any
    positions: Mapping[PlanPath, Position] = field(default_factory=Marks)
    key_positions: Mapping[PlanPath, Position] = field(default_factory=Marks)
    problems: list[Problem] = field(default_factory=list)

    def locate(self, path: PlanPath) -> Position:
        """The position of `path`, or of its nearest ancestor that has one."""
        positions = self.positions
        for end in range(len(path), -1, -1):
            found = positions.get(path[:end])
            if found is not None:
                return found
        return Position(1, 1)

    def locate_key(self, path: PlanPath) -> Position:
        """Where the key of `path` is written (falls back to the value's position)."""
        return self.key_positions.get(path) or self.locate(path)
