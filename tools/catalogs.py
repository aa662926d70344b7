"""Keeping the message catalogs in step with the code: find the marked texts, add the new ones
to their catalog, compile the catalogs.

    python tools/catalogs.py extract   # add every new marked text to its .po, untranslated
    python tools/catalogs.py compile   # .po -> .mo (committed: a plain install needs no tool)
    python tools/catalogs.py check     # what tests/test_i18n_catalogs.py checks, as a list

The marked texts are the literal arguments of `_`, `N_` and `ngettext` in `src/planctl`, and
the module docstring of every rule module whose `TITLE = N_("...")` is marked (`planctl rules
CODE` translates the documentation as a whole, the cleaned docstring being its message id),
and the docstring of every function decorated with `@translated_doc` (a command's `--help`).
Texts of the rules, findings and comparisons belong to the `planctl-rules` domain, every other
text to `planctl`. Babel reads and writes the `.po`
and `.mo` files: it is the maintained implementation of both formats (a development tool only;
at run time the standard library's gettext reads the `.mo`).
"""

from __future__ import annotations

import ast
import inspect
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "planctl"
LOCALE = SOURCE / "locale"
TRANSLATED = ("zh",)
RULE_FILES = ("rules/", "findings.py", "calc/")
MARKERS = {"_": 1, "N_": 1, "ngettext": 2, "t": 1}  # t: the HTML page's lookup


@dataclass(frozen=True, slots=True)
class Marked:
    """One marked text: its id, plural id (ngettext), domain and where it is."""

    msgid: str
    plural: str | None
    domain: str
    where: str


def domain_of(relative: str) -> str:
    """`planctl-rules` for the rules and the findings' wording, `planctl` for the rest."""
    return "planctl-rules" if relative.startswith(RULE_FILES) else "planctl"


def marked_texts(source: Path = SOURCE) -> list[Marked]:
    """Every marked text of the code, in file order."""
    found: list[Marked] = []
    for path in sorted(source.rglob("*.py")):
        relative = path.relative_to(source).as_posix()
        domain = domain_of(relative)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        if _is_rule_module(relative) and _marks_title(tree):
            doc = ast.get_docstring(tree, clean=False)
            if doc:
                found.append(Marked(inspect.cleandoc(doc), None, domain, f"{relative}:1"))
        for node in ast.walk(tree):
            where = f"{relative}:{getattr(node, 'lineno', 1)}"
            if isinstance(node, ast.FunctionDef) and any(
                isinstance(d, ast.Name) and d.id == "translated_doc" for d in node.decorator_list
            ):
                doc = ast.get_docstring(node, clean=False)
                if doc:
                    found.append(Marked(inspect.cleandoc(doc), None, domain, where))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                count = MARKERS.get(node.func.id)
                texts = [_literal(arg) for arg in node.args[: count or 0]]
                if count and all(text is not None for text in texts) and len(texts) == count:
                    plural = texts[1] if count == 2 else None
                    found.append(Marked(str(texts[0]), plural, domain, where))
    return found


def _marks_title(tree: ast.Module) -> bool:
    """Whether a rule module marks its `TITLE = N_("...")`: then its docstring, the rule's
    documentation, is a marked text too (both are translated where `planctl rules` shows them)."""
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [target.id for target in targets if isinstance(target, ast.Name)]
            value = node.value
            if "TITLE" in names and isinstance(value, ast.Call):
                return isinstance(value.func, ast.Name) and value.func.id == "N_"
    return False


def _is_rule_module(relative: str) -> bool:
    return relative.startswith("rules/") and relative not in ("rules/__init__.py", "rules/base.py")


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_":
        return _literal(node.args[0]) if node.args else None
    return None


def po_path(domain: str, language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def placeholders(text: str) -> list[str]:
    """The `{...}` fields of a text, sorted (`{{`/`}}` are literal braces, not fields)."""
    return sorted(re.findall(r"\{[^{}]*\}", text.replace("{{", "").replace("}}", "")))


def compiled(po: Path) -> bytes:
    """The `.mo` that `po` compiles to."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        catalog = read_po(file)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def mo_is_current(po: Path) -> bool:
    """Whether the committed `.mo` beside `po` holds exactly the translations of `po`.

    Compared as translations, not bytes: the header Babel writes names its own version."""
    import gettext

    mo = po.with_suffix(".mo")
    if not mo.exists():
        return False
    with mo.open("rb") as file:
        have: dict[Any, str] = dict(getattr(gettext.GNUTranslations(file), "_catalog", {}))
    with io.BytesIO(compiled(po)) as file:
        want: dict[Any, str] = dict(getattr(gettext.GNUTranslations(file), "_catalog", {}))
    have.pop("", None)
    want.pop("", None)
    return have == want


def extract() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    for language in TRANSLATED:
        for domain in ("planctl", "planctl-rules"):
            po = po_path(domain, language)
            if po.exists():
                with po.open("rb") as file:
                    catalog = read_po(file)
            else:
                catalog = Catalog(locale=language, domain=domain, project="planctl")
            added = 0
            for text in marked_texts():
                if text.domain != domain:
                    continue
                key = (text.msgid, text.plural) if text.plural else text.msgid
                if catalog.get(text.msgid) is None:
                    catalog.add(key, "" if not text.plural else ("",), [(text.where, 0)])
                    added += 1
            if po.exists() and not added:
                continue  # untouched: nothing to merge in another branch's catalog
            po.parent.mkdir(parents=True, exist_ok=True)
            out = io.BytesIO()
            write_po(out, catalog, width=100, omit_header=False, no_location=True)
            po.write_bytes(out.getvalue())
            print(f"{po.relative_to(ROOT)}: {added} new")


def compile_all() -> None:
    for po in sorted(LOCALE.rglob("*.po")):
        if not mo_is_current(po):
            po.with_suffix(".mo").write_bytes(compiled(po))
            print(f"{po.with_suffix('.mo').relative_to(ROOT)}")


def problems() -> list[str]:
    """What is wrong with the catalogs: missing, untranslated, mismatched or unused texts."""
    from babel.messages.pofile import read_po

    found: list[str] = []
    texts = marked_texts()
    for language in TRANSLATED:
        catalogs = {}
        for domain in ("planctl", "planctl-rules"):
            with po_path(domain, language).open("rb") as file:
                catalogs[domain] = read_po(file)
        for text in texts:
            if not any(catalog.get(text.msgid) is not None for catalog in catalogs.values()):
                found.append(f"{text.where}: not in any {language} catalog: {text.msgid!r}")
        used = Counter(text.msgid for text in texts)
        for domain, catalog in catalogs.items():
            for message in catalog:
                if not message.id:
                    continue
                ids = (
                    [str(i) for i in message.id]
                    if isinstance(message.id, tuple)
                    else [str(message.id)]
                )
                strings = (
                    [str(s) for s in message.string]
                    if isinstance(message.string, tuple)
                    else [str(message.string or "")]
                )
                name = f"{domain}.po ({language}): {ids[0]!r}"
                if ids[0] not in used:
                    found.append(f"{name}: used nowhere in the code")
                if message.fuzzy or not all(strings):
                    found.append(f"{name}: not translated")
                    continue
                # A plural's forms say what the plural id says (a Chinese form serves every count)
                for string in strings:
                    if placeholders(string) != placeholders(ids[-1]):
                        found.append(f"{name}: placeholders differ in {string!r}")
            if not mo_is_current(po_path(domain, language)):
                mo = po_path(domain, language).with_suffix(".mo")
                found.append(f"{mo.relative_to(ROOT)}: not what its .po compiles to")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        extract()
    elif command == "compile":
        compile_all()
    elif command == "check":
        for problem in problems():
            print(problem)
        return 1 if problems() else 0
    else:
        print("usage: python tools/catalogs.py extract|compile|check", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
