"""YAML text → plain data with exact numbers and the source position of every key and value.

PyYAML's own constructors lose what planctl needs: they read `641.8` as a float, keep the last of
two duplicate keys, read `no` as False, `012` as octal and `12:30` as base 60, and expand aliases
without limit. So planctl reads the parser's events itself (`planctl.loader.events`, libyaml's C
parser when installed), resolving plain scalars by a small strict rule set
(`planctl.loader.scalars`) and recording positions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from planctl.i18n import _
from planctl.loader.document import Document, Marks, Problem
from planctl.loader.errors import YamlError
from planctl.loader.events import MAX_DEPTH, EventReader, RefusedError, check_depth, may_nest_deeply
from planctl.loader.scalars import MAX_NUMBER_DIGITS, AmbiguousScalarError, plain_value
from planctl.location import Position

try:  # the C parser is several times faster; PyYAML without libyaml still works
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _PyParser):  # type: ignore[no-redef]
        """PyYAML's pure-Python parser, as its loaders assemble it."""

        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PyParser.__init__(self)


__all__ = [
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "Document",
    "Marks",
    "Problem",
    "YamlError",
    "read_yaml",
]


_read_plain: Callable[[str, Callable[[str], Any], object, int], Any] | None
try:  # the fast path in C (planctl/loader/_native.c); optional, as its build is
    from planctl.loader._native import read as _read_plain
except ImportError:  # pragma: no cover - built without libyaml's headers
    _read_plain = None

# What `_resolve` answers for a plain scalar the Python reader reports as a problem.
_GIVE_UP = object()


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
    return _read_events(text)


def _resolve(text: str) -> Any:
    try:
        return plain_value(text)
    except AmbiguousScalarError:
        return _GIVE_UP


def _read_events(text: str) -> Document:
    try:
        if may_nest_deeply(text):
            check_depth(_Parser(text))
        reader = EventReader(_Parser(text))
        try:
            return reader.read()
        except RefusedError:
            reader.read_the_rest()
            raise
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text) from None
    except yaml.YAMLError as error:
        raise YamlError(_("not valid YAML: {error}").format(error=error)) from None


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = error.problem_mark or error.context_mark
    position = Position(mark.line + 1, mark.column + 1) if mark else None
    problem = error.problem or _("cannot be read")
    if error.context:
        problem = f"{problem} {error.context}"
    message = _("not valid YAML: {error}").format(error=problem)
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message = _("{message} (a tab: YAML indentation must use spaces)").format(message=message)
    return YamlError(message, position)
