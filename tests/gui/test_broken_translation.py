"""A third language's file from the user's data folder with broken `{…}` fields: the window keeps
working (the source text is shown for those messages) instead of raising in every paint."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("hashiye_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_translations_with_broken_fields_fall_back_to_the_source_text(qapp, private_data: Path) -> None:
    from hashiye.gui import i18n

    tool = _tool()
    cat = tool.Catalog("de")
    cat.add(tool.LANGUAGE_NAME, ["Deutsch"], True)
    cat.add("برچسب: {tags}", ["Schlagwort: {tags"], True)  # unbalanced: ValueError in format
    cat.add("کدگذار: {name}", ["Kodierer: {nme}"], True)  # a name the code does not give: KeyError
    cat.add("فقط {name}", ["nur {name.__class__}"], True)  # attribute access
    cat.add("{n} واحد", ["{n:>999999999} Einheit", "{n:>999999999} Einheiten"], True)  # a giant width
    cat.add("کدهای {name}", ["Codes von {name}"], True)  # a good one
    folder = private_data / "translations"
    folder.mkdir()
    cat.write(folder / "hashiye_de.ts")
    tool.compile_ts(folder / "hashiye_de.ts", folder / "hashiye_de.qm")
    try:
        i18n.apply_language(QApplication.instance(), "de")
        assert i18n.language() == "de"
        assert i18n.tr("برچسب: {tags}", tags="x") == "برچسب: \u2068x\u2069"
        assert i18n.tr("کدگذار: {name}", name="A") == "کدگذار: \u2068A\u2069"
        assert i18n.tr("فقط {name}", name="A") == "فقط \u2068A\u2069"
        assert i18n.tr("{n} واحد", n=3) == "3 واحد"
        assert i18n.tr("کدهای {name}", name="A") == "Codes von \u2068A\u2069"  # good translations still used
    finally:
        i18n.apply_language(QApplication.instance(), i18n.SOURCE)
