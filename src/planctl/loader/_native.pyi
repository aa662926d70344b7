"""The reader's fast path in C (`_native.c`): plain plan files only, None for anything else."""

from collections.abc import Callable
from typing import Any

def read(
    text: str, resolve: Callable[[str], Any], bail: object, max_depth: int, /
) -> tuple[Any, dict[tuple[str | int, ...], int], dict[tuple[str | int, ...], int]] | None: ...
