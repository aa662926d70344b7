"""How libyaml and PyYAML describe YAML that cannot be read, in planctl's language.

A syntax error comes with libyaml's (or PyYAML's) problem and context, fixed English texts such
as "did not find expected ',' or ']'" and "while parsing a flow sequence". The ones a plan
file can meet are marked here, so that the catalog translates them; a text not listed (a newer
libyaml's) is shown as it comes.
"""

from __future__ import annotations

from planctl.i18n import N_, _

KNOWN = frozenset(
    {
        # problems
        N_("block sequence entries are not allowed in this context"),
        N_("control characters are not allowed"),
        N_("could not find expected ':'"),
        N_("did not find expected ',' or ']'"),
        N_("did not find expected ',' or '}'"),
        N_("did not find expected '-' indicator"),
        N_("did not find expected <document start>"),
        N_("did not find expected comment or line break"),
        N_("did not find expected key"),
        N_("did not find expected node content"),
        N_("did not find expected whitespace or line break"),
        N_("found a tab character that violates indentation"),
        N_("found a tab character where an indentation space is expected"),
        N_("found an indentation indicator equal to 0"),
        N_("found character that cannot start any token"),
        N_("found undefined tag handle"),
        N_("found unexpected ':'"),
        N_("found unexpected document indicator"),
        N_("found unexpected end of stream"),
        N_("found unknown escape character"),
        N_("invalid Unicode character"),
        N_("mapping keys are not allowed in this context"),
        N_("mapping values are not allowed in this context"),
        N_("found undefined alias"),
        N_("found duplicate anchor; first occurrence"),
        N_("second occurrence"),
        N_("but found another document"),
        # contexts
        N_("while parsing a block collection"),
        N_("while parsing a block mapping"),
        N_("while parsing a block node"),
        N_("while parsing a flow mapping"),
        N_("while parsing a flow node"),
        N_("while parsing a flow sequence"),
        N_("while parsing a node"),
        N_("while scanning a block scalar"),
        N_("while scanning a directive"),
        N_("while scanning a plain scalar"),
        N_("while scanning a quoted scalar"),
        N_("while scanning a simple key"),
        N_("while scanning a tag"),
        N_("while scanning an alias"),
        N_("while scanning an anchor"),
        N_("while scanning for the next token"),
        N_("expected a single document in the stream"),
    }
)


def worded(text: str) -> str:
    """libyaml's or PyYAML's text in planctl's language, when it is a known one."""
    return _(text) if text in KNOWN else text


def syntax_problem(problem: str, context: str | None) -> str:
    """The problem, after the context it was found in (`while parsing a flow sequence`)."""
    if not context:
        return worded(problem)
    return _("{problem} {context}").format(problem=worded(problem), context=worded(context))
