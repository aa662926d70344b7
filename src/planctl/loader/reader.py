"""YAML text → plain data with exact numbers and the source position of every key and value.

PyYAML's own constructors lose what planctl needs: they read `641.8` as a float, keep the last of
two duplicate keys, read `no` as False, `012` as octal and `12:30` as base 60, and expand aliases
without limit. So planctl reads libyaml's events itself, resolving plain scalars by a small strict
rule set (`planctl.loader.scalars`) and recording positions: in C for a plain file
(`_native.c`), otherwise in Python over PyYAML's parser (`planctl.loader.fallback`, imported
only then, with PyYAML).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planctl.loader.document import MAX_DEPTH, Document, Marks, Problem
from planctl.loader.errors import YamlError
from planctl.loader.scalars import MAX_NUMBER_DIGITS, AmbiguousScalarError, plain_value

_read_plain: Callable[[str, Callable[[str], Any], object, int], Any] | None
try:  # the fast path in C (planctl/loader/_native.c); optional, as its build is
    from planctl.loader._native import read as _read_plain
except ImportError:  # pragma: no cover - built without libyaml's headers
    _read_plain = None

# What `_resolve` answers for a plain scalar the Python reader reports as a problem.
_GIVE_UP = object()

__all__ = [
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "Document",
    "Marks",
    "Problem",
    "YamlError",
    "read_yaml",
]


def read_yaml(text: str) -> Document:
    """Parse one YAML document into a `Document`; raises `YamlError` when it cannot be read.

    A plain plan file (no syntax error, anchor, alias, tag, duplicate key, YAML 1.1 trap...)
    is read by the C fast path when it is built; anything else, or everything without it, by
    the Python event reader, which words every error and problem. Both give the same document
    (`tests/test_native_reader.py`).
    """
    if _read_plain is not None:
        plain = _read_plain(text, _resolve, _GIVE_UP, MAX_DEPTH)
        if plain is not None:
            data, marks, key_marks = plain
            return Document(data, Marks(marks), Marks(key_marks), [])
    from planctl.loader.fallback import read_events

    return read_events(text)


def _resolve(text: str) -> Any:
    try:
        return plain_value(text)
    except AmbiguousScalarError:
        return _GIVE_UP
