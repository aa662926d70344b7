"""Counts behind every format's closing line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planctl.findings import Outcome, Severity
from planctl.i18n import _, ngettext

if TYPE_CHECKING:
    from planctl.results import CheckResult


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    errors: int
    warnings: int
    infos: int
    accepted: int
    failed_files: int

    @classmethod
    def of(cls, check: CheckResult) -> Summary:
        """The counts of the problems in a run (exit-check's passes are not problems)."""
        results = check.files
        problems = [f for r in results for f in r.findings if f.outcome is Outcome.FAIL]
        live = [f for f in problems if f.accepted is None]
        return cls(
            files=len(results),
            errors=sum(f.severity is Severity.ERROR for f in live),
            warnings=sum(f.severity is Severity.WARNING for f in live),
            infos=sum(f.severity is Severity.INFO for f in live),
            accepted=sum(f.accepted is not None for f in problems),
            failed_files=sum(r.failed(check.strict_for(r)) for r in results),
        )

    def line(self) -> str:
        """`5 files checked: 2 errors, 1 warning, 3 accepted` — the last line of a run."""
        parts = [
            ngettext("{n} error", "{n} errors", self.errors).format(n=self.errors),
            ngettext("{n} warning", "{n} warnings", self.warnings).format(n=self.warnings),
        ]
        if self.infos:
            parts.append(ngettext("{n} note", "{n} notes", self.infos).format(n=self.infos))
        if self.accepted:
            parts.append(_("{n} accepted").format(n=self.accepted))
        return ngettext(
            "{n} file checked: {counts}", "{n} files checked: {counts}", self.files
        ).format(n=self.files, counts=_(", ").join(parts))
