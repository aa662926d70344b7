"""The language planctl speaks: English (the message ids themselves) or Chinese (`zh`).

Texts are translated with the standard library's gettext, from two catalogs under
`planctl/locale/zh/LC_MESSAGES/`: `planctl` (the interface: tables, summaries, verdicts, the
command line) and `planctl-rules` (the rules' findings and documentation). Two domains let the
interface and the rules be worded independently, each in a file of its own; `_` consults both.
English is the message ids unchanged, so English output never depends on a catalog.

Mark a text with `_("...")` where it is shown, `N_("...")` where it is only named (a constant
translated later with `_`), `ngettext` where it depends on a count. Figures and names go into
named placeholders after translation, `_("{stated} against {computed}").format(...)`, so a
translation can put them in its own word order; a test checks that every marked text is in a
catalog, translated, with the same placeholders.

The language is one per process: `use()` sets it (the command line's `--lang`, workers get
their parent's); until then it comes from the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`,
the first one set; `zh…` is Chinese, anything else English).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

LANGUAGES = ("en", "zh")
DOMAINS = ("planctl", "planctl-rules")
LOCALE_DIR = Path(__file__).parent / "locale"
ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")

_language: str | None = None
_catalog: gettext.NullTranslations | None = None


class UnknownLanguageError(ValueError):
    """A language planctl does not speak (a usage error wherever it was typed)."""

    def __init__(self, given: str) -> None:
        self.given = given
        super().__init__(given)


def check_language(given: str) -> str:
    """`given` (`zh`, `EN`, `zh_CN.UTF-8`…) as one of `LANGUAGES`; anything else raises.

    A locale name is accepted only for a language planctl has: `fr_FR` is an error, never
    English in silence."""
    code = given.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    if code not in LANGUAGES:
        raise UnknownLanguageError(given)
    return code


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language of the locale: the first of LC_ALL, LC_MESSAGES, LANG that is set, as POSIX
    orders them; `zh…` is Chinese, any other locale (C, POSIX, en_US, fr_FR) English."""
    environ = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def use(language: str) -> None:
    """Speak `language` (one of `LANGUAGES`, or a locale name of one) from now on."""
    global _language, _catalog
    code = check_language(language)
    if code != _language:
        _language, _catalog = code, _load(code)


def language() -> str:
    """The language texts are translated into now."""
    if _language is None:
        use(from_environment())
    assert _language is not None
    return _language


def _(message: str) -> str:
    """`message` (an English text, the message id) in the current language. The empty text
    stays empty (gettext would answer it with the catalog's header)."""
    return _translations().gettext(message) if message else message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of `singular`/`plural` for `count` in the current language."""
    return _translations().ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 (the name gettext's tools know)
    """Mark `message` for the catalogs without translating it: it is translated where shown."""
    return message


def _translations() -> gettext.NullTranslations:
    if _catalog is None:
        use(from_environment())
    assert _catalog is not None
    return _catalog


def _load(code: str) -> gettext.NullTranslations:
    """The interface catalog falling back to the rules' one; English: the ids themselves."""
    if code == "en":
        return gettext.NullTranslations()
    first: gettext.NullTranslations | None = None
    for domain in DOMAINS:
        found = gettext.translation(domain, LOCALE_DIR, languages=[code], fallback=True)
        if first is None:
            first = found
        else:
            first.add_fallback(found)
    assert first is not None
    return first


def command_line_language(
    given: str | None, config: str | None = None, isolated: bool = False
) -> str:
    """The language of a command: `--lang`; else `lang` in the settings file (the one `--config`
    names, none with `--isolated`, else the nearest planctl.toml or pyproject.toml
    [tool.planctl] from the current directory up); else the environment; else English.

    A project's settings file outranks the locale: a team that checks its plans in Chinese
    says so once, whatever each machine's LANG. Raises `UnknownLanguageError` for a bad
    `--lang` and `planctl.config.ConfigError` for an unusable settings file."""
    if given is not None:
        return check_language(given)
    if not isolated:
        from planctl.config import find_settings, read_settings

        if config:
            settings = read_settings(Path(config), check_codes=False)
        else:
            settings = find_settings(check_codes=False)
        if settings.lang is not None:
            return settings.lang
    return from_environment()


def speak_to_dependencies(code: str) -> None:
    """Have Click and Typer word usage, help headings and usage errors in `code` too.

    They translate with `gettext.gettext`: the process's global text domain, looked up in the
    languages the environment's LANGUAGE names. planctl is the program, whose business both
    are (a library never sets them): it binds the global domain to its own catalog, which
    carries their texts (`planctl.cli.click_texts`), and names the language as GNU gettext
    programs are told to."""
    gettext.bindtextdomain("planctl", str(LOCALE_DIR))
    gettext.textdomain("planctl")
    os.environ["LANGUAGE"] = check_language(code)


def use_command_line(argv: Sequence[str]) -> None:
    """Speak the language `argv` asks for, before the commands are built (their `--help` texts
    are looked up once, when they are defined). A bad value or settings file is left to the
    command, which reports it as a usage error; here it only means the environment's language."""
    from planctl.config import ConfigError

    given, config = _option(argv, "--lang"), _option(argv, "--config")
    try:
        use(command_line_language(given, config, "--isolated" in argv))
    except (UnknownLanguageError, ConfigError):
        use(from_environment())
    speak_to_dependencies(language())


def _option(argv: Sequence[str], name: str) -> str | None:
    """The value of option `name` in a command line (`name VALUE`, `name=VALUE`), before `--`."""
    for index, word in enumerate(argv):
        if word == "--":
            return None
        if word == name and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith(f"{name}="):
            return word.partition("=")[2]
    return None


F = TypeVar("F", bound=Callable[..., Any])


def translated_doc(function: F) -> F:
    """Translate a command's docstring, its `--help`, when the command is defined (after the
    language is chosen). The cleaned docstring is the message id."""
    import inspect

    function.__doc__ = _(inspect.cleandoc(function.__doc__ or ""))
    return function
