"""Translations of the interface: Qt Linguist files (.ts) in resources/translations, compiled to .qm.

The Persian text in the code is the source; each `hashiye_<lang>.ts` holds one language's texts
(context «hashiye»; a text with a `{n}` value is a plural message with the language's numerus
forms). Commands:

  python tools/i18n.py extract [--from-dict FILE] [--lang en] [--overwrite]
      Find every `tr("…")` / `N_("…")` text in gui/ (by the AST, as tests/gui/test_i18n.py does)
      and add those a .ts lacks, untranslated («unfinished»); texts no longer in the code become
      «vanished». With --from-dict, the translations of an `EN = {...}`-style table (text ->
      translation, or (one, many) for plurals) fill that language's .ts too: this brings in the
      entries engineers append to gui/strings_en.py (and, once, converted the whole table).
  python tools/i18n.py compile
      Every .ts to its .qm with Qt's lrelease (pyside6-lrelease, shipped with PySide6-Essentials).
  python tools/i18n.py new LANG
      A new language: a copy of the English .ts with every translation emptied (translate it in
      Qt Linguist, `pyside6-linguist`, or any editor; give LANGUAGE_NAME its name in itself), then
      `compile`. No code changes: the language menu offers every .qm it finds.
  python tools/i18n.py check
      Exit 1 if a text of the code is missing from a .ts, or a .qm is older in content than its .ts.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
CONTEXT = "hashiye"
SOURCE_LANGUAGE = "fa"
LANGUAGE_NAME = "LANGUAGE_NAME"  # the message whose translation is the language's name in itself
LANGUAGE_NAME_NOTE = "The name of this language, written in this language (e.g. English, Deutsch)."
MARKERS = ("tr", "N_")


# --- the texts of the code --------------------------------------------------------------------
def marked_texts(folder: Path | None = None) -> dict[str, str]:
    """Every text given to tr() or N_() in the folder's modules (gui/), in order of appearance (text -> file)."""
    found: dict[str, str] = {}
    for path in sorted((folder or GUI).glob("*.py")):
        if path.name == "strings_en.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                 and n.func.id in MARKERS and n.args and isinstance(n.args[0], ast.Constant)
                 and isinstance(n.args[0].value, str)]
        for node in sorted(calls, key=lambda n: (n.lineno, n.col_offset)):
            found.setdefault(node.args[0].value, path.name)  # type: ignore[attr-defined]
    return found


def is_plural(text: str) -> bool:
    """A text with an `{n}` value is a plural message (numerus forms chosen by n)."""
    return "{n}" in text


# --- .ts files --------------------------------------------------------------------------------
class Catalog:
    """One .ts file: language, and messages (source -> translation forms, finished, vanished)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.messages: dict[str, dict[str, object]] = {}

    @classmethod
    def read(cls, path: Path) -> Catalog:
        root = ET.parse(path).getroot()
        cat = cls(root.get("language", path.stem.split("_", 1)[-1]))
        for context in root.iter("context"):
            for msg in context.iter("message"):
                source = msg.findtext("source") or ""
                tr_el = msg.find("translation")
                kind = tr_el.get("type", "") if tr_el is not None else "unfinished"
                if msg.get("numerus") == "yes" and tr_el is not None:
                    forms = [f.text or "" for f in tr_el.iter("numerusform")]
                else:
                    forms = [(tr_el.text or "") if tr_el is not None else ""]
                cat.messages[source] = {"forms": forms, "type": kind, "numerus": msg.get("numerus") == "yes",
                                        "note": msg.findtext("extracomment") or ""}
        return cat

    def write(self, path: Path) -> None:
        root = ET.Element("TS", {"version": "2.1", "language": self.language, "sourcelanguage": SOURCE_LANGUAGE})
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = CONTEXT
        for source, m in self.messages.items():
            attrs = {"numerus": "yes"} if m["numerus"] else {}
            msg = ET.SubElement(context, "message", attrs)
            ET.SubElement(msg, "source").text = source
            if m.get("note"):
                ET.SubElement(msg, "extracomment").text = str(m["note"])
            kind = str(m.get("type") or "")
            tr_el = ET.SubElement(msg, "translation", {"type": kind} if kind else {})
            forms = list(m["forms"])  # type: ignore[call-overload]
            if m["numerus"]:
                for form in forms:
                    ET.SubElement(tr_el, "numerusform").text = form
            else:
                tr_el.text = forms[0] if forms else ""
        ET.indent(root, "    ")
        body = ET.tostring(root, encoding="unicode")
        path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")

    def add(self, source: str, forms: list[str], finished: bool, note: str = "") -> None:
        self.messages[source] = {"forms": forms, "type": "" if finished else "unfinished",
                                 "numerus": is_plural(source), "note": note}


def numerus_count(language: str) -> int:
    """How many plural forms a language has (Qt's rules, as lrelease applies them)."""
    from PySide6.QtCore import QLocale

    one_form = {QLocale.Language.Persian, QLocale.Language.Chinese, QLocale.Language.Japanese,
                QLocale.Language.Korean, QLocale.Language.Turkish, QLocale.Language.Indonesian,
                QLocale.Language.Vietnamese, QLocale.Language.Thai}
    three = {QLocale.Language.Russian, QLocale.Language.Ukrainian, QLocale.Language.Polish,
             QLocale.Language.Czech, QLocale.Language.Slovak, QLocale.Language.Croatian,
             QLocale.Language.Serbian, QLocale.Language.Lithuanian, QLocale.Language.Latvian,
             QLocale.Language.Romanian}
    lang = QLocale(language).language()
    if lang in one_form:
        return 1
    if lang == QLocale.Language.Arabic:
        return 6
    return 3 if lang in three else 2


def read_dict(path: Path) -> dict[str, str | tuple[str, ...]]:
    """An `EN = {...}`-style table from a Python file, read as a literal (the file is not run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    table: dict[str, str | tuple[str, ...]] = {}
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, ast.Dict):
            table.update(ast.literal_eval(value))
    return table


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("hashiye_*.ts"))


def extract(from_dict: Path | None, lang: str, overwrite: bool) -> int:
    """Bring every .ts up to the code's texts (and a dict's translations into `lang`'s .ts)."""
    texts = marked_texts()
    table = read_dict(from_dict) if from_dict else {}
    paths = ts_files()
    target = TRANSLATIONS / f"hashiye_{lang}.ts"
    if from_dict and target not in paths:
        paths.append(target)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for path in paths:
        cat = Catalog.read(path) if path.exists() else Catalog(lang)
        forms_wanted = numerus_count(cat.language)
        added = filled = vanished = 0
        if LANGUAGE_NAME not in cat.messages:
            cat.add(LANGUAGE_NAME, [""], False, LANGUAGE_NAME_NOTE)
        name = table.get(LANGUAGE_NAME) if path == target else None
        if isinstance(name, str) and (overwrite or not cat.messages[LANGUAGE_NAME]["forms"][0]):  # type: ignore[index]
            cat.add(LANGUAGE_NAME, [name], True, LANGUAGE_NAME_NOTE)
        for text in texts:
            given = table.get(text) if path == target else None
            if given is not None:
                forms = list(given) if isinstance(given, tuple) else [given]
                if is_plural(text):
                    forms = (forms + [forms[-1]] * forms_wanted)[:forms_wanted]
                old = cat.messages.get(text)
                if old is None or overwrite or old["type"] in ("unfinished", "vanished", "obsolete") \
                        or not any(old["forms"]):  # type: ignore[call-overload]
                    added += old is None
                    filled += old is not None
                    cat.add(text, forms, True)
                continue
            if text not in cat.messages:
                cat.add(text, [""] * (forms_wanted if is_plural(text) else 1), False)
                added += 1
            elif cat.messages[text]["type"] == "vanished":
                cat.messages[text]["type"] = "unfinished" if not any(cat.messages[text]["forms"]) else ""
        for source, m in cat.messages.items():
            if source != LANGUAGE_NAME and source not in texts and m["type"] != "vanished":
                m["type"] = "vanished"
                vanished += 1
        # The name first; new texts at the end (a merge of two branches' additions stays simple).
        cat.messages = dict(sorted(cat.messages.items(), key=lambda kv: kv[0] != LANGUAGE_NAME))
        cat.write(path)
        todo = sum(1 for m in cat.messages.values() if m["type"] == "unfinished")
        print(f"{path.relative_to(ROOT)}: {added} added, {filled} filled, {vanished} vanished, "
              f"{todo} to translate", file=sys.stderr)
    return 0


def new_language(lang: str) -> int:
    path = TRANSLATIONS / f"hashiye_{lang}.ts"
    if path.exists():
        print(f"{path.relative_to(ROOT)} exists already", file=sys.stderr)
        return 1
    source = Catalog.read(TRANSLATIONS / "hashiye_en.ts")
    cat = Catalog(lang)
    n = numerus_count(lang)
    for text, m in source.messages.items():
        if m["type"] != "vanished":
            cat.add(text, [""] * (n if m["numerus"] else 1), False, str(m.get("note") or ""))
    cat.write(path)
    print(f"{path.relative_to(ROOT)}: {len(cat.messages)} texts to translate; then: python tools/i18n.py compile",
          file=sys.stderr)
    return 0


# --- .qm files --------------------------------------------------------------------------------
def lrelease() -> str:
    """Qt's lrelease: PySide6's wrapper beside this Python, on PATH, or the binary inside PySide6."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    if here.exists():
        return str(here)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return found
    import PySide6

    inside = Path(PySide6.__file__).parent / "lrelease"
    if inside.exists():
        return str(inside)
    raise SystemExit("lrelease not found: install PySide6-Essentials (it ships pyside6-lrelease)")


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def stale(ts: Path, qm: Path) -> list[str]:
    """Messages whose .qm translation differs from the .ts (or a missing .qm): what `compile` would fix."""
    from PySide6.QtCore import QTranslator

    if not qm.exists():
        return [f"{qm.name} missing"]
    translator = QTranslator()
    if not translator.load(str(qm)):
        return [f"{qm.name} unreadable"]
    cat = Catalog.read(ts)
    wrong: list[str] = []
    for source, m in cat.messages.items():
        if m["type"] in ("vanished", "obsolete"):
            continue
        forms = list(m["forms"])  # type: ignore[call-overload]
        if m["numerus"]:
            samples = {1: forms[0], 2: forms[-1]} if forms else {}
            got = {k: translator.translate(CONTEXT, source, None, k) for k in samples}
            if any(want and got[k] != want for k, want in samples.items()):
                wrong.append(source)
        elif forms[0] and translator.translate(CONTEXT, source) != forms[0]:
            wrong.append(source)
        elif not forms[0] and translator.translate(CONTEXT, source):
            wrong.append(source)
    return wrong


def check() -> int:
    texts = marked_texts()
    bad = 0
    for ts in ts_files():
        cat = Catalog.read(ts)
        missing = [t for t in texts if t not in cat.messages]
        old = stale(ts, ts.with_suffix(".qm"))
        for t in missing:
            print(f"{ts.name}: not in the .ts (run extract): {t!r}", file=sys.stderr)
        for t in old:
            print(f"{ts.name}: .qm out of date (run compile): {t!r}", file=sys.stderr)
        bad += len(missing) + len(old)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/i18n.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="add the code's new texts to every .ts")
    ex.add_argument("--from-dict", type=Path, help="a Python file with an EN-style {text: translation} table")
    ex.add_argument("--lang", default="en", help="the language of that table (default en)")
    ex.add_argument("--overwrite", action="store_true", help="the table's translations replace finished ones")
    sub.add_parser("compile", help="every .ts to its .qm (lrelease)")
    nw = sub.add_parser("new", help="start a new language's .ts")
    nw.add_argument("lang", help="a language code: de, ar, tr, pt_BR…")
    sub.add_parser("check", help="fail if a .ts lacks a text or a .qm is out of date")
    args = parser.parse_args(argv)
    if args.command == "extract":
        return extract(args.from_dict, args.lang, args.overwrite)
    if args.command == "compile":
        for ts in ts_files():
            compile_ts(ts, ts.with_suffix(".qm"))
            print(f"{ts.with_suffix('.qm').relative_to(ROOT)}", file=sys.stderr)
        return 0
    if args.command == "new":
        return new_language(args.lang)
    return check()


if __name__ == "__main__":
    sys.exit(main())
