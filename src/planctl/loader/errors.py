"""The one error a plan file can fail to load with."""

from __future__ import annotations

from planctl.location import Position


class LoadError(Exception):
    """A file could not be read as a plan at all; `position` is where, when known."""

    def __init__(self, message: str, position: Position | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


class YamlError(LoadError):
    """The text is not YAML planctl can read at all; nothing was produced."""
