"""The node-graph reader planctl used before it read libyaml's events, kept as a test oracle.

`tests/test_reader_equivalence.py` checks that the event reader gives the same data,
positions, problems and errors as this one. It composes PyYAML's node graph and walks it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from planctl.loader.errors import YamlError
from planctl.location import PlanPath, Position, format_path

try:  # the C parser is several times faster; PyYAML without libyaml still works
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_YAML_TAGS = "tag:yaml.org,2002:"
_STR_TAG, _SEQ_TAG, _MAP_TAG = f"{_YAML_TAGS}str", f"{_YAML_TAGS}seq", f"{_YAML_TAGS}map"
_MERGE_TAG = f"{_YAML_TAGS}merge"


class _Loader(_BaseLoader):
    """PyYAML's loader without its implicit type resolution, which planctl does itself.

    PyYAML tags every plain scalar by trying its YAML 1.1 regular expressions while composing;
    planctl ignores those tags (`_Builder._scalar` applies its own stricter rules) except the
    merge key `<<`, so resolving only that makes composing about a third faster.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _MERGE_TAG if implicit[0] and value == "<<" else _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path-dependent resolvers are registered: nothing to track."""

    def ascend_resolver(self) -> None:
        """See `descend_resolver`."""


MAX_DEPTH = 100
MAX_NUMBER_DIGITS = 24  # as for figures (quantity.MAX_DIGITS, docs/plan-format.md)

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+(\.[0-9]*)?")
_EXPONENT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOOL_11 = {"yes", "no", "on", "off", "y", "n"}
_NON_FINITE = {".nan", ".inf", "-.inf", "+.inf"}
# Every number, date and non-finite value starts with one of these and ends with one of those;
# other plain scalars can only be null, a boolean or text. Testing the two characters first
# saves the regular expressions for names and for figures such as `641.8亿元`.
_NUMERIC_START = frozenset("+-.0123456789")
_NUMERIC_END = frozenset("0123456789.nNfF")
_WORDS_MAX = max(map(len, ("null", "true", "false", *_BOOL_11)))


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the YAML itself, found while reading."""

    message: str
    path: PlanPath
    position: Position


@dataclass(slots=True)
class Document:
    """The data, positions and problems of one document."""

    data: Any
    positions: dict[PlanPath, Position] = field(default_factory=dict)
    key_positions: dict[PlanPath, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_yaml(text: str) -> Document:
    """Parse one YAML document into a `Document`; raises `YamlError` when it cannot be read."""
    try:
        if _may_nest_deeply(text):
            _check_depth(text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text) from None
    except yaml.YAMLError as error:
        raise YamlError(f"not valid YAML: {error}") from None
    except RecursionError:
        raise YamlError(f"the YAML nests deeper than planctl reads ({MAX_DEPTH} levels)") from None
    document = Document(data=None)
    if node is None:
        return document
    builder = _Builder(document)
    document.data = builder.build(node, ())
    return document


# PyYAML composes nodes recursively (in C with libyaml): tens of thousands of nested
# collections overflow the stack and kill the process (PyYAML 6.0.3 at about 25,000 levels).
# Each level costs either a nesting indicator (`[`, `{`, `? `, `- `) or, in
# block context, one more column of indentation, at most two levels per column (a mapping and
# the sequence written at its key's indentation). Below these counts a text cannot nest deeper
# than about 10,000 levels, and nothing is checked twice; at or above them the events are read
# first, which the parser emits without recursing.
_DEEP_NESTING_INDICATORS = 5_000
_DEEP_INDENTATION = " " * 2_500


def _may_nest_deeply(text: str) -> bool:
    """Whether the text has enough nesting indicators or indentation to need a depth check."""
    indicators = text.count("[") + text.count("{") + text.count("?") + text.count("- ")
    return indicators > _DEEP_NESTING_INDICATORS or _DEEP_INDENTATION in text


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than `MAX_DEPTH`, reading events (the parser does not recurse)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                where = Position(mark.line + 1, mark.column + 1) if mark else None
                raise YamlError(f"the YAML nests deeper than {MAX_DEPTH} levels", where)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = error.problem_mark or error.context_mark
    position = Position(mark.line + 1, mark.column + 1) if mark else None
    message = f"not valid YAML: {error.problem or 'cannot be read'}"
    if error.context:
        message += f" {error.context}"
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message += " (a tab: YAML indentation must use spaces)"
    return YamlError(message, position)


class _Builder:
    """Turns a composed node graph into data, refusing aliases and recording positions."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.positions = document.positions
        self.key_positions = document.key_positions
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: PlanPath) -> Any:
        if len(path) > MAX_DEPTH:
            raise YamlError(
                f"the YAML nests deeper than {MAX_DEPTH} levels at {format_path(path[:5])}…",
                _position(node),
            )
        if id(node) in self.seen:
            raise _alias_error(node)
        self.seen.add(id(node))
        mark = node.start_mark
        self.positions[path] = Position(mark.line + 1, mark.column + 1)
        if not node.tag.startswith(_YAML_TAGS):
            raise YamlError(f"YAML tag {node.tag} is not supported in plan files", _position(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        assert isinstance(node, yaml.SequenceNode)
        return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, path: PlanPath) -> dict[str | int, Any]:
        result: dict[str | int, Any] = {}
        key_positions = self.key_positions
        for key_node, value_node in node.value:
            if id(key_node) in self.seen:
                raise _alias_error(key_node)
            key = self._key(key_node, path)
            mark = key_node.start_mark
            key_position = Position(mark.line + 1, mark.column + 1)
            child = (*path, key)
            if key in result:
                first = key_positions[child]
                self.document.problems.append(
                    Problem(
                        f"duplicate key '{key}': first at line {first.line}, "
                        f"again at line {key_position.line}; YAML would silently keep only the "
                        "last one",
                        child,
                        key_position,
                    )
                )
                continue
            key_positions[child] = key_position
            result[key] = self.build(value_node, child)
        return result

    def _key(self, node: yaml.Node, path: PlanPath) -> str | int:
        if not isinstance(node, yaml.ScalarNode):
            raise YamlError("a mapping key must be a plain name or year", _position(node))
        if node.tag == _MERGE_TAG:
            raise YamlError(
                "merge keys (<<) are not supported in plan files; write the keys out",
                _position(node),
            )
        value = self._scalar(node, path)
        if isinstance(value, bool) or value is None or not isinstance(value, (str, int)):
            return str(node.value)
        return value

    def _scalar(self, node: yaml.ScalarNode, path: PlanPath) -> Any:
        text: str = node.value
        if node.style:  # quoted or block scalars are always text
            return text
        if not text:
            return None
        if text[0] not in _NUMERIC_START:
            if len(text) <= _WORDS_MAX:
                return self._word(node, path, text)
            return text
        if text[-1] not in _NUMERIC_END:
            return text
        if _INT.fullmatch(text):
            if len(text.lstrip("+-")) > MAX_NUMBER_DIGITS:  # int() refuses 4,300 digits
                return self._problem(
                    node,
                    path,
                    text,
                    f"'{text[:20]}…' has {len(text.lstrip('+-')):,} digits; plans hold numbers of "
                    f"at most {MAX_NUMBER_DIGITS} digits (docs/plan-format.md)",
                )
            return int(text)
        if _LEADING_ZERO.fullmatch(text):
            return self._problem(
                node,
                path,
                text,
                f"'{text}' has a leading zero, which YAML 1.1 reads as an octal number; "
                "remove the zero or quote it",
            )
        if _DECIMAL.fullmatch(text):
            return Decimal(text)
        if _EXPONENT.fullmatch(text):
            return self._problem(
                node,
                path,
                text,
                f"'{text}' is in exponent notation, which YAML tools read inconsistently; "
                "write the number in full digits",
            )
        if _SEXAGESIMAL.fullmatch(text):
            return self._problem(
                node,
                path,
                text,
                f"'{text}' is read by YAML 1.1 as a base-60 number; quote it",
            )
        if text.lower() in _NON_FINITE:
            return self._problem(
                node, path, text, f"'{text}' is not a finite number; plans hold exact figures"
            )
        if _DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return self._problem(node, path, text, f"'{text}' is not a valid date")
        return text

    def _word(self, node: yaml.ScalarNode, path: PlanPath, text: str) -> Any:
        """A short plain scalar that is not a number: null, a boolean, a YAML 1.1 word or text."""
        lowered = text.lower()
        if text == "~" or lowered == "null":
            return None
        if lowered in {"true", "false"}:
            return lowered == "true"
        if lowered in _BOOL_11:
            return self._problem(
                node,
                path,
                text,
                f"'{text}' is read as a yes/no value by YAML 1.1 tools; quote it if it is a "
                "name, or write true/false",
            )
        return text

    def _problem(self, node: yaml.Node, path: PlanPath, text: str, message: str) -> str:
        self.document.problems.append(Problem(message, path, _position(node)))
        return text


def _alias_error(node: yaml.Node) -> YamlError:
    return YamlError(
        "anchors and aliases (&name, *name) are not supported in plan files: an alias repeats "
        f"the content anchored at line {node.start_mark.line + 1}; write the content out",
        _position(node),
    )


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)
