"""YAML text → plain data with exact numbers and the source position of every key and value.

PyYAML's own constructors lose what planctl needs: they read `641.8` as a float, keep the last of
two duplicate keys, read `no` as False, `012` as octal and `12:30` as base 60, and expand aliases
without limit. So planctl reads the parser's events itself (`planctl.loader.events`, libyaml's C
parser when installed), resolving plain scalars by a small strict rule set
(`planctl.loader.scalars`) and recording positions.
"""

from __future__ import annotations

import yaml

from planctl.i18n import _
from planctl.loader.document import Document, Marks, Problem
from planctl.loader.errors import YamlError
from planctl.loader.events import MAX_DEPTH, EventReader, RefusedError, check_depth, may_nest_deeply
from planctl.loader.scalars import MAX_NUMBER_DIGITS
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


def read_yaml(text: str) -> Document:
    """Parse one YAML document into a `Document`; raises `YamlError` when it cannot be read."""
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
