"""Where something is: a source position and a readable path into the plan."""

from __future__ import annotations

from dataclasses import dataclass

PathPart = str | int
PlanPath = tuple[PathPart, ...]


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


def format_path(path: PlanPath) -> str:
    """`("budget", "items", 0, "amount")` → `budget.items[0].amount`; years read as keys."""
    out = ""
    for part in path:
        if isinstance(part, int) and out and not _is_year_key(path, part):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _is_year_key(path: PlanPath, part: int) -> bool:
    # Mapping keys that are years (schedule years) read better as `.2016` than `[2016]`.
    return part >= 1000


def parse_path(text: str) -> PlanPath:
    """The inverse of `format_path`, for paths typed by people (`accepted: at:`)."""
    parts: list[PathPart] = []
    for chunk in text.replace("[", ".[").split("."):
        if not chunk:
            continue
        if chunk.startswith("[") and chunk.endswith("]") and chunk[1:-1].isdigit():
            parts.append(int(chunk[1:-1]))
        elif chunk.isdigit():
            parts.append(int(chunk))
        else:
            parts.append(chunk)
    return tuple(parts)
