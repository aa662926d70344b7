"""Checking the rule codes a user types (`--select PC1`, `ignore = ["PC109"]`): a typo must
never switch a check off silently, so an unknown code or prefix is refused, with the known ones
and the nearest match."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class UnknownCodeError(ValueError):
    """A code or prefix that matches no rule."""


def check_codes(codes: Iterable[str], where: str) -> None:
    """Raise `UnknownCodeError` for the first of `codes` that names no rule (`where` says which
    option or setting it came from)."""
    from planctl.rules import MERGED, RULES

    known = list(RULES)
    for code in codes:
        if code in MERGED:
            raise UnknownCodeError(
                f"{where}: {code} is now answered by {MERGED[code]}; use {MERGED[code]}"
            )
        if any(rule.startswith(code) for rule in known):
            continue
        near = difflib.get_close_matches(code, known, n=1)
        hint = f"; did you mean {near[0]}?" if near else ""
        raise UnknownCodeError(
            f"{where}: no rule code starts with '{code}'{hint}; known codes: {', '.join(known)}"
        )
