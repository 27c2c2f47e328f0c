"""Installed from a wheel (not the source tree): resources come from the package, samples are
copied to the user's data folder, and annotations are never written inside the package."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from pathlib import Path
import hashiye
from hashiye.core.files.paths import bundled_seeds
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.model import new_annotation
from hashiye.core.annotations.store import AnnotationStore
from hashiye.resources import APP_ID, resource_path
corpus = bundled_seeds()
art = load_article(sorted(corpus.glob("*.txt"))[0])
AnnotationStore(corpus).save_change(art, upsert=[new_annotation(art.id, art.source_text, 0, 10)])
print(json.dumps({"package": hashiye.__file__, "corpus": str(corpus),
                  "articles": len(list(corpus.glob("*.txt"))),
                  "sidecars": [str(p) for p in corpus.glob("*.annotations.json")],
                  "font": resource_path("fonts", "Vazirmatn-Regular.ttf").is_file(),
                  "desktop": resource_path(APP_ID + ".desktop").is_file(),
                  "metainfo": resource_path(APP_ID + ".metainfo.xml").is_file(),
                  "translations": resource_path("translations", "hashiye_en.qm").is_file()}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel and installed into a folder of its own."""
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp / "dist"), str(ROOT)],
                           check=True, capture_output=True, text=True, timeout=600)
    (tmp / "build.log").write_text(build.stdout + build.stderr, encoding="utf-8")
    [wheel] = (tmp / "dist").glob("hashiye-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(tmp / "site"),
                    str(wheel)], check=True, capture_output=True, timeout=600)
    return tmp / "site"


def run(site: Path, data: Path, *args: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(site), HASHIYE_DATA_DIR=str(data), **(extra or {}))
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=120)


def test_samples_are_copied_and_annotated_outside_the_package(installed: Path, tmp_path: Path) -> None:
    out = run(installed, tmp_path / "data", "-c", PROBE)
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["package"].startswith(str(installed)), "the installed copy, not the source tree"
    assert info["corpus"] == str(tmp_path / "data" / "samples") and info["articles"] == 5
    assert info["sidecars"] and all(s.startswith(str(tmp_path / "data")) for s in info["sidecars"])
    assert not list(installed.rglob("*.annotations.json")), "nothing written inside the package"
    assert info["font"] and info["desktop"] and info["metainfo"]
    assert info["translations"], "the compiled English translation is in the wheel"


def test_cli_lists_the_samples_when_installed(installed: Path, tmp_path: Path) -> None:
    out = run(installed, tmp_path / "data", "-m", "hashiye.core.cli.main", "list", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["articles"]) == 5 and data["corpus"] == str(tmp_path / "data" / "samples")


def test_window_starts_from_the_wheel_on_the_samples_in_the_remembered_language(installed: Path,
                                                                                  tmp_path: Path) -> None:
    env_extra = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    first = run(installed, tmp_path / "data", "-m", "hashiye.gui.app", "--startup-check", "--language", "en",
                "--theme", "dark", extra=env_extra)
    assert first.returncode == 0, first.stderr
    assert "first paint" in first.stderr
    conf = (tmp_path / "config" / "Hashiye" / "Hashiye.conf").read_text(encoding="utf-8")
    assert "language=en" in conf and "theme=dark" in conf
    assert str(tmp_path / "data" / "samples") in conf, "the sample folder is remembered as the last one"
    again = run(installed, tmp_path / "data", "-m", "hashiye.gui.app", "--startup-check", extra=env_extra)
    assert again.returncode == 0, again.stderr
    assert "article 00" in again.stderr


def test_wheel_builds_without_warnings_and_carries_licences_and_metadata(installed: Path) -> None:
    log = (installed.parent / "build.log").read_text(encoding="utf-8")
    # setuptools' own complaints (undeclared resource folders, licence fields); not the environment's
    # byte-compiling note (PYTHONDONTWRITEBYTECODE) nor pip's running-as-root notice.
    complaints = [line for line in log.splitlines() if re.search(r"_Warning|BuildBackendWarning|SetuptoolsDeprecationWarning|"
                                                                  r"is absent from the `packages`", line)]
    assert not complaints, "\n".join(complaints)
    [dist_info] = installed.glob("hashiye-*.dist-info")
    meta = (dist_info / "METADATA").read_text(encoding="utf-8")
    assert "License-Expression: GPL-3.0-or-later AND OFL-1.1" in meta
    assert "Classifier: Programming Language :: Python :: 3.13" in meta
    assert "hazm<0.11,>=0.10; python_version < \"3.12\"" in meta and "hazm<0.13,>=0.12; python_version >= \"3.12\"" in meta
    licence = (dist_info / "licenses" / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 3, 29 June 2007" in licence
    assert "How to Apply These Terms to Your New Programs" in licence, "the full text, not a notice"
    assert (dist_info / "licenses" / "resources" / "fonts" / "OFL.txt").is_file(), "the bundled font's licence"
    shipped = {p.relative_to(installed / "hashiye" / "resources").as_posix()
               for p in (installed / "hashiye" / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    for folder in ("fonts", "icons", "seeds", "translations"):  # every resource folder lands in the wheel
        assert any(name.startswith(folder + "/") for name in shipped), folder


def test_appstream_metainfo_describes_the_desktop_entry() -> None:
    from hashiye.resources import APP_ID

    metainfo = ROOT / "resources" / f"{APP_ID}.metainfo.xml"
    root = ET.parse(metainfo).getroot()
    assert root.get("type") == "desktop-application" and root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert (ROOT / "resources" / f"{APP_ID}.desktop").is_file(), "the entry it launches is bundled under that name"
    assert root.findtext("project_license") == "GPL-3.0-or-later AND OFL-1.1"
    assert {b.text for b in root.iter("binary")} == {"hashiye", "hashiye-cli"}
    validator = shutil.which("appstreamcli")
    if validator:  # where installed (Debian: appstream); the checks above hold everywhere
        checked = subprocess.run([validator, "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr


WINDOW_PROBE = """
from hashiye.gui.app import main
from PySide6.QtGui import QGuiApplication
code = main(["--startup-check"])
icon = QGuiApplication.windowIcon()
print(code, QGuiApplication.desktopFileName(), icon.isNull(), icon.pixmap(48, 48).isNull())
"""


def test_window_names_its_desktop_entry_and_has_an_icon(installed: Path, tmp_path: Path) -> None:
    out = run(installed, tmp_path / "data", "-c", WINDOW_PROBE,
              extra={"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert out.returncode == 0, out.stderr
    code, app_id, icon_null, pixmap_null = out.stdout.split()
    assert code == "0" and "first paint" in out.stderr
    from hashiye.resources import APP_ID

    assert app_id == APP_ID, "Wayland matches the window to the menu entry of this name"
    assert icon_null == "False" and pixmap_null == "False", "the SVG icon renders"


def test_desktop_menu_entry_installed_from_the_wheel_starts_the_window(installed: Path, tmp_path: Path) -> None:
    from hashiye.resources import APP_ID

    data_home = tmp_path / "share"
    env_extra = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
                 "XDG_DATA_HOME": str(data_home)}
    old = data_home / "applications" / "hashiye.desktop"  # what an earlier release installed
    old.parent.mkdir(parents=True)
    old.write_text("[Desktop Entry]\nType=Application\nName=Hashiye\nExec=hashiye %f\n", encoding="utf-8")
    other = data_home / "applications" / "other.desktop"
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n", encoding="utf-8")
    out = run(installed, tmp_path / "data", "-m", "hashiye.gui.app", "--install-desktop", extra=env_extra)
    assert out.returncode == 0, out.stderr
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "hashiye.svg"
    assert out.stdout.split() == [str(entry), str(icon)]
    assert not old.exists(), "no second menu entry left from an earlier release"
    assert icon.read_text(encoding="utf-8").lstrip().startswith(("<svg", "<?xml"))
    fields = dict(line.split("=", 1) for line in entry.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert fields["Type"] == "Application" and fields["Icon"] == "hashiye" and fields["Name[fa]"] == "حاشیه"
    validator = shutil.which("desktop-file-validate")
    if validator:  # the freedesktop validator, where installed; the checks above hold everywhere
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    command = shlex.split(fields["Exec"].replace("%f", ""))
    started = subprocess.run([*command, "--startup-check"], capture_output=True, text=True, timeout=120,
                             env=dict(os.environ, PYTHONPATH=str(installed), HASHIYE_DATA_DIR=str(tmp_path / "data"),
                                      **env_extra))
    assert started.returncode == 0, started.stderr
    assert "first paint" in started.stderr

    gone = run(installed, tmp_path / "data", "-m", "hashiye.gui.app", "--uninstall-desktop", extra=env_extra)
    assert gone.returncode == 0, gone.stderr
    assert gone.stdout.split() == [str(entry), str(icon)]
    assert not entry.exists() and not icon.exists()
    assert other.exists(), "another program's entry is left alone"
    again = run(installed, tmp_path / "data", "-m", "hashiye.gui.app", "--uninstall-desktop", extra=env_extra)
    assert again.returncode == 0 and again.stdout == "" and "no desktop menu entry" in again.stderr


def test_desktop_entry_that_cannot_be_written_is_a_clear_message(installed: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "share"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    out = run(installed, tmp_path / "data", "-m", "hashiye.gui.app", "--install-desktop",
              extra={"QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(blocked)})
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "desktop menu entry not written" in out.stderr and str(blocked) in out.stderr
    assert blocked.read_text(encoding="utf-8") == "a file where the data folder should be"
