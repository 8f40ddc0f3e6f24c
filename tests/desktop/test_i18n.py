"""Translations: every visible string is in the zh_CN file and translated (no unfinished
entry, and lupdate finds nothing new in the sources); the workstation speaks Chinese with
--lang zh_CN, rendered with the installed CJK font (screenshot kept in $CCW_SHOTS)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.shell.i18n import Translations, qm_path, resolve_language
from tests.desktop.conftest import run_ui
from tests.desktop.test_shell_layouts import SHOTS

ROOT = Path(__file__).resolve().parents[2]
ZH_TS = ROOT / "resources" / "i18n" / "ccw_zh_CN.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [m.findtext("source") or "" for m in root.iter("message")
            if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
            or not (m.findtext("translation") or "").strip()]


def test_zh_cn_has_no_unfinished_entries():
    assert unfinished(ZH_TS) == []


def test_every_source_string_is_in_the_translation(tmp_path):
    copy = tmp_path / "ccw_zh_CN.ts"
    shutil.copy(ZH_TS, copy)
    subprocess.run([str(LUPDATE), "-extensions", "py", "-no-obsolete", "-locations", "none",
                    "desktop", "widgets", "-ts", str(copy)], cwd=ROOT, check=True,
                   capture_output=True)
    new = unfinished(copy)
    assert new == [], f"strings not in resources/i18n/ccw_zh_CN.ts (see its README): {new}"


def test_built_translation_is_there_and_language_follows_the_request(qapp):
    assert Path(qm_path("zh_CN")).exists(), "installer/setup.sh builds the .qm files"
    assert resolve_language("en") == "en" and resolve_language("zh_CN") == "zh_CN"


def test_workstation_in_chinese(make_workstation, qloop, quiet_server, qapp):
    translations = Translations.of(qapp)

    async def go():
        ws = await make_workstation(server=quiet_server.url, lang="zh_CN")
        await ws.login(quiet_server.url, "duty", "demo")
        window = ws.window
        assert window.windowTitle() == "指挥中心工作站"
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["工作站(&W)", "布局(&L)", "窗格(&P)"]
        assert window.docks["video_wall"].windowTitle() == "视频墙"
        assert "值班员" in window.status.operator.text()
        family = QFontInfo(window.status.operator.font()).family()
        await asyncio.sleep(0.4)
        SHOTS.mkdir(parents=True, exist_ok=True)
        QGuiApplication.primaryScreen().grabWindow(0).save(str(SHOTS / "zh_CN.png"))
        return family

    try:
        assert translations.install("zh_CN") == "zh_CN"
        family = run_ui(qloop, go())
    finally:
        translations.install("en")
    assert "CJK" in family or "Noto" in family, family
    assert QApplication.translate("", "Online") == "Online"  # back to English
