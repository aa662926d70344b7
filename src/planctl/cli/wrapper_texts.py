"""Usage lines, the help option and usage errors in planctl's language, whatever typer's release.

typer 0.26 and later print these texts from a copy of Click in which they are fixed English
strings (`Usage: `, `Try '…' for help.`, `Error: …`, the help option's "Show this message and
exit."), so binding gettext's domain (`cli/click_texts.py`) cannot reach them. planctl's group
and commands therefore draw them themselves, with the ids `cli/click_texts.py` lists, and the
group shows a usage error itself instead of letting the library print it.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from planctl.i18n import _, language

if TYPE_CHECKING:
    from typer._click import ClickException, Context, HelpFormatter


def _click() -> Any:
    """The Click that typer runs on: its own copy from 0.26 on, Click itself before."""
    import typer.core

    return getattr(typer.core, "_click", None) or typer.core.click  # type: ignore[attr-defined]


def _wide(text: str) -> bool:
    return any(unicodedata.east_asian_width(char) in "WF" for char in text)


class WideHelpFormatter(_click().formatting.HelpFormatter):  # type: ignore[misc]
    """Click's help formatter, folding text with Chinese characters at the column width.

    Click wraps a command's description and a definition's text at spaces and counts
    characters, so a text with Chinese in it (each character two columns wide; in Chinese help,
    no spaces) runs past the terminal's edge. Such a text is folded here by display width (rich
    knows where CJK text may break) and handed to Click marked as already wrapped (a `\\b`
    line); texts without wide characters are Click's to wrap, as before.
    """

    def write_text(self, text: str) -> None:
        if _wide(text):
            width = max(self.width - self.current_indent, 10)
            text = "\n\n".join(
                _fold(" ".join(part.split()), width) if _wide(part) and part[:1] != "\b" else part
                for part in text.split("\n\n")
            )
        super().write_text(text)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if any(_wide(second) for _, second in rows):
            first = min(max(len(name) for name, _ in rows), col_max) + col_spacing
            width = max(self.width - first - 2, 10)
            rows = [(name, _fold(text, width) if _wide(text) else text) for name, text in rows]
        super().write_dl(rows, col_max, col_spacing)


def _fold(text: str, width: int) -> str:
    from rich.console import Console
    from rich.text import Text

    console = Console(width=width, color_system=None, legacy_windows=False)
    lines = [line.plain.rstrip() for line in Text(text).wrap(console, width)]
    return "\b\n" + "\n".join(lines)


class SpeakingContext(_click().Context):  # type: ignore[misc]
    formatter_class = WideHelpFormatter


def show(error: ClickException) -> NoReturn:
    """Print `error` as Click would (usage, a hint, the message), in planctl's language."""
    ctx: Context | None = getattr(error, "ctx", None)
    if ctx is not None:
        lines = [ctx.get_usage()]
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try '{command} {option}' for help.")
            lines.append(hint.format(command=ctx.command_path, option=ctx.help_option_names[0]))
        sys.stderr.write("\n".join(lines) + "\n\n")
    sys.stderr.write(_("Error: {message}").format(message=_message(error)) + "\n")
    sys.exit(error.exit_code)


class Speaking:
    """What planctl's group and commands share: the usage line and the help option, translated,
    and help that folds Chinese text at the terminal's width (their `context_class`)."""

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage:") + " ")

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
        return option


class SpeakingCommand(Speaking, TyperCommand):
    """A planctl command (built by Typer from its function)."""

    context_class = SpeakingContext


class SpeakingGroup(Speaking, TyperGroup):
    """planctl's top-level group: shows a usage error in planctl's language, then exits 2."""

    context_class = SpeakingContext

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        run: dict[str, Any] = {"args": args, "prog_name": prog_name, "complete_var": complete_var}
        run |= {"windows_expand_args": windows_expand_args, **extra}
        if not standalone_mode:
            return super().main(**run, standalone_mode=False)
        exceptions = _click().exceptions
        try:
            code = super().main(**run, standalone_mode=False)
        except exceptions.ClickException as error:
            show(error)
        except typer.Abort:
            sys.stderr.write(_("Aborted!") + "\n")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _message(error: ClickException) -> str:
    """The error's message; in Chinese, the two the library composes in English re-worded
    from their parts (an unknown option, a bad value), the others as they come."""
    if language() == "en":
        return str(error.format_message())
    option = getattr(error, "option_name", None)
    if option is not None:
        text = _("No such option: {name}").format(name=option)
        possible = getattr(error, "possibilities", None)
        if possible:
            text += " " + _("(Possible options: {options})").format(options=", ".join(possible))
        return text
    if hasattr(error, "param_hint") and not hasattr(error, "param_type"):  # not a missing one
        hint, param = getattr(error, "param_hint", None), getattr(error, "param", None)
        if hint is None and param is not None:
            hint = param.get_error_hint()
        if hint is None:
            return _("Invalid value: {message}").format(message=error.message)
        hints = " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint)
        return _("Invalid value for {param_hint}: {message}").format(
            param_hint=hints, message=error.message
        )
    return str(error.format_message())
