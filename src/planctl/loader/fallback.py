"""The Python reader's entry: PyYAML's parser, its events read by `events.EventReader`, and
PyYAML's errors in planctl's words.

Every text the C reader (`_native.c`) gives back comes here, and every text when the C reader
was not built; importing this module imports PyYAML, which a run of plain files never needs.
"""

from __future__ import annotations

import yaml

from planctl.i18n import _
from planctl.loader.document import Document
from planctl.loader.errors import YamlError
from planctl.loader.events import EventReader, RefusedError, check_depth, may_nest_deeply
from planctl.loader.yaml_messages import syntax_problem, worded
from planctl.location import Position

try:  # the C parser is several times faster; PyYAML without libyaml still works
    from yaml._yaml import CParser as _Parser

    _COUNTS_BYTES = True  # where it refuses a character: an offset into the UTF-8 bytes
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _COUNTS_BYTES = False
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _PyParser):  # type: ignore[no-redef]
        """PyYAML's pure-Python parser, as its loaders assemble it."""

        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PyParser.__init__(self)


def read_events(text: str) -> Document:
    """Read `text` with the Python event reader; raises `YamlError` when it cannot be read."""
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
    except yaml.reader.ReaderError as error:
        problem = _("character U+{code:04X}: {reason}").format(
            code=error.character, reason=worded(error.reason)
        )
        position = _refused_at(text, error.position)
        raise YamlError(_("not valid YAML: {error}").format(error=problem), position) from None
    except yaml.YAMLError as error:
        raise YamlError(_("not valid YAML: {error}").format(error=error)) from None


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = error.problem_mark or error.context_mark
    position = Position(mark.line + 1, mark.column + 1) if mark else None
    problem = syntax_problem(error.problem or _("cannot be read"), error.context)
    message = _("not valid YAML: {error}").format(error=problem)
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message = _("{message} (a tab: YAML indentation must use spaces)").format(message=message)
    return YamlError(message, position)


def _refused_at(text: str, offset: int) -> Position:
    """Where a character the parser refused stands, counted in characters: libyaml's offset
    counts bytes of the UTF-8 text, the Python parser's characters."""
    if _COUNTS_BYTES:
        before = text.encode("utf-8")[:offset].decode("utf-8", "ignore")
    else:  # pragma: no cover - PyYAML without libyaml
        before = text[:offset]
    return Position(before.count("\n") + 1, len(before) - before.rfind("\n"))
