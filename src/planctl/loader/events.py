"""libyaml's events → data with exact numbers and positions, in one pass and no node graph.

PyYAML's composer builds a node object (with two marks) for every scalar and collection, and
planctl then walked that graph to build its own data: two trees, the first only to be thrown
away. Reading the parser's events builds the data directly, keeps each event's start mark as
the position (`Marks`), and needs no recursion deeper than the nesting planctl admits.

The refusals are those of reading the node graph (`tests/test_loader.py`,
`tests/test_reader_equivalence.py`): what PyYAML's composer refused (an undefined alias, a
duplicate anchor, a second document) is an error of the YAML, found wherever it is, and takes
precedence over planctl's own refusals (an alias, a tag, a merge key, a key that is not a
scalar, nesting deeper than `MAX_DEPTH`), which therefore look at the rest of the text first.
"""

from __future__ import annotations

from typing import Any

from yaml import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.composer import ComposerError

from planctl.i18n import _
from planctl.loader.document import MAX_DEPTH, Document, Marks, Problem
from planctl.loader.errors import YamlError
from planctl.loader.scalars import NUMERIC_START, WORDS_MAX, AmbiguousScalarError, plain_value
from planctl.location import PlanPath, Position, format_path

_YAML_TAGS = "tag:yaml.org,2002:"
_MERGE_TAG = f"{_YAML_TAGS}merge"
_STARTS = (MappingStartEvent, SequenceStartEvent)
_ENDS = (MappingEndEvent, SequenceEndEvent)
_NODES = (ScalarEvent, MappingStartEvent, SequenceStartEvent)


class RefusedError(YamlError):
    """Something planctl refuses in YAML it could otherwise read.

    The caller reads the rest of the text first (`EventReader.read_the_rest`): an error of the
    YAML itself further on is reported instead, as when the whole text was composed first.
    """

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message, _position(mark))


class EventReader:
    """Builds one document from a PyYAML parser's events (`get_event`)."""

    def __init__(self, parser: Any) -> None:
        self.get_event = parser.get_event
        self.marks: dict[PlanPath, Any] = {}
        self.key_marks: dict[PlanPath, Any] = {}
        self.problems: list[Problem] = []
        self.anchors: dict[str, Any] = {}
        self.root_mark: Any = None

    def read(self) -> Document:
        """The stream's one document (data None for an empty stream)."""
        get_event = self.get_event
        get_event()  # the stream's start
        document = Document(None, Marks(self.marks), Marks(self.key_marks), self.problems)
        if type(get_event()) is StreamEndEvent:
            return document
        root = get_event()
        self.root_mark = root.start_mark
        document.data = self.node(root, ())
        get_event()  # the document's end
        after = get_event()
        if type(after) is not StreamEndEvent:
            raise self._second_document(after)
        return document

    def read_the_rest(self) -> None:
        """Parse what is left after a refusal, raising the first error of the YAML itself."""
        get_event = self.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is StreamEndEvent:
                return
            if kind is DocumentStartEvent:
                raise self._second_document(event)
            if kind is AliasEvent:
                self._anchored(event)
            elif kind in _NODES and event.anchor is not None:
                self._anchor(event)

    def node(self, event: Any, path: PlanPath) -> Any:
        """The value of the node `event` starts, at `path`."""
        kind = type(event)
        if len(path) >= MAX_DEPTH:
            self._check_depth(event, path)
        if kind is AliasEvent:
            raise _alias_refusal(self._anchored(event))
        if event.anchor is not None:
            self._anchor(event)
        self.marks[path] = event.start_mark
        tag = event.tag
        if tag is not None and tag != "!" and not tag.startswith(_YAML_TAGS):
            raise RefusedError(
                _("YAML tag {tag} is not supported in plan files").format(tag=tag), event.start_mark
            )
        if kind is ScalarEvent:
            text = event.value
            if event.style:  # quoted or block scalars are always text
                return text
            return self.plain(text, path, event)
        if kind is MappingStartEvent:
            return self.mapping(path)
        return self.sequence(path)

    def mapping(self, path: PlanPath) -> dict[str | int, Any]:
        result: dict[str | int, Any] = {}
        get_event, marks, key_marks = self.get_event, self.marks, self.key_marks
        shallow = len(path) < MAX_DEPTH
        while True:
            event = get_event()
            if type(event) is not ScalarEvent:
                if type(event) is MappingEndEvent:
                    return result
                key: str | int = self._not_a_key(event)
            else:
                key = self.key(event, path)
            child = (*path, key)
            if key in result:
                self._duplicate(key, child, event)
                self.skip(get_event())
                continue
            key_marks[child] = event.start_mark
            event = get_event()
            if (
                type(event) is ScalarEvent
                and event.anchor is None
                and event.tag is None
                and shallow
            ):
                marks[child] = event.start_mark
                text = event.value
                if event.style or (text and text[0] not in NUMERIC_START and len(text) > WORDS_MAX):
                    result[key] = text
                else:
                    result[key] = self.plain(text, child, event)
            else:
                result[key] = self.node(event, child)

    def sequence(self, path: PlanPath) -> list[Any]:
        result: list[Any] = []
        append, get_event, marks = result.append, self.get_event, self.marks
        shallow = len(path) < MAX_DEPTH
        index = 0
        while True:
            event = get_event()
            child = (*path, index)
            if (
                type(event) is ScalarEvent
                and event.anchor is None
                and event.tag is None
                and shallow
            ):
                marks[child] = event.start_mark
                text = event.value
                if event.style or (text and text[0] not in NUMERIC_START and len(text) > WORDS_MAX):
                    append(text)
                else:
                    append(self.plain(text, child, event))
            elif type(event) is SequenceEndEvent:
                return result
            else:
                append(self.node(event, child))
            index += 1

    def key(self, event: Any, path: PlanPath) -> str | int:
        """A mapping key: a name or a year (any other scalar is read as its text)."""
        if event.anchor is not None:
            self._anchor(event)
        text: str = event.value
        tag = event.tag
        if tag == _MERGE_TAG or (tag is None and text == "<<" and event.implicit[0]):
            raise RefusedError(
                "merge keys (<<) are not supported in plan files; write the keys out",
                event.start_mark,
            )
        if event.style or (text and text[0] not in NUMERIC_START and len(text) > WORDS_MAX):
            return text
        value = self.plain(text, path, event)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return text
        return value

    def plain(self, text: str, path: PlanPath, event: Any) -> Any:
        """A plain scalar's value; a YAML 1.1 trap is kept as text and reported as a problem."""
        try:
            return plain_value(text)
        except AmbiguousScalarError as problem:
            self.problems.append(Problem(problem.message, path, _position(event.start_mark)))
            return text

    def skip(self, event: Any) -> None:
        """Pass over the node `event` starts (the value of a duplicate key: not read)."""
        depth = 0
        get_event = self.get_event
        while True:
            kind = type(event)
            if kind is AliasEvent:
                self._anchored(event)
            elif kind in _NODES:
                if event.anchor is not None:
                    self._anchor(event)
                if kind is not ScalarEvent:
                    depth += 1
            elif kind in _ENDS:
                depth -= 1
            if depth == 0:
                return
            event = get_event()

    def _not_a_key(self, event: Any) -> str:
        if type(event) is AliasEvent:
            raise _alias_refusal(self._anchored(event))
        raise RefusedError(_("a mapping key must be a plain name or year"), event.start_mark)

    def _duplicate(self, key: str | int, child: PlanPath, event: Any) -> None:
        first = self.key_marks[child].line + 1
        again = event.start_mark.line + 1
        self.problems.append(
            Problem(
                _(
                    "duplicate key '{key}': first at line {first}, again at line {again}; YAML "
                    "would silently keep only the last one"
                ).format(key=key, first=first, again=again),
                child,
                _position(event.start_mark),
            )
        )

    def _check_depth(self, event: Any, path: PlanPath) -> None:
        """Refuse a node nested in more than `MAX_DEPTH` collections (`check_depth` refuses
        texts that nest too deeply for a recursive reader before they are read)."""
        if len(path) > MAX_DEPTH:
            raise RefusedError(
                _("the YAML nests deeper than {depth} levels at {path}…").format(
                    depth=MAX_DEPTH, path=format_path(path[:5])
                ),
                event.start_mark,
            )

    def _anchor(self, event: Any) -> None:
        first = self.anchors.get(event.anchor)
        if first is not None:
            raise ComposerError(
                "found duplicate anchor; first occurrence",
                first,
                "second occurrence",
                event.start_mark,
            )
        self.anchors[event.anchor] = event.start_mark

    def _anchored(self, alias: Any) -> Any:
        """The mark of the node an alias repeats; an undefined alias is an error of the YAML."""
        mark = self.anchors.get(alias.anchor)
        if mark is None:
            raise ComposerError(None, None, "found undefined alias", alias.start_mark)
        return mark

    def _second_document(self, event: Any) -> ComposerError:
        return ComposerError(
            "expected a single document in the stream",
            self.root_mark,
            "but found another document",
            event.start_mark,
        )


# PyYAML composes nodes recursively (in C with libyaml): tens of thousands of nested
# collections overflowed the stack and killed the process (PyYAML 6.0.3 at about 25,000 levels).
# planctl's reader does not recurse past `MAX_DEPTH`, but such texts are still refused first, at
# their first collection too deep, before anything else is read, as they always were. Each level
# costs either a nesting indicator (`[`, `{`, `? `, `- `) or, in block context, one more column
# of indentation, at most two levels per column: below these counts a text cannot nest deeper
# than about 10,000 levels, and nothing is read twice.
_DEEP_NESTING_INDICATORS = 5_000
_DEEP_INDENTATION = " " * 2_500


def may_nest_deeply(text: str) -> bool:
    """Whether the text has enough nesting indicators or indentation to need a depth check."""
    indicators = text.count("[") + text.count("{") + text.count("?") + text.count("- ")
    return indicators > _DEEP_NESTING_INDICATORS or _DEEP_INDENTATION in text


def check_depth(parser: Any) -> None:
    """Refuse nesting deeper than `MAX_DEPTH`, reading only the parser's events."""
    depth = 0
    get_event = parser.get_event
    while True:
        event = get_event()
        kind = type(event)
        if kind in _STARTS:
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError(
                    _("the YAML nests deeper than {depth} levels").format(depth=MAX_DEPTH),
                    _position(event.start_mark),
                )
        elif kind in _ENDS:
            depth -= 1
        elif kind is StreamEndEvent:
            return


def _alias_refusal(anchor_mark: Any) -> RefusedError:
    return RefusedError(
        _(
            "anchors and aliases (&name, *name) are not supported in plan files: an alias "
            "repeats the content anchored at line {line}; write the content out"
        ).format(line=anchor_mark.line + 1),
        anchor_mark,
    )


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)
