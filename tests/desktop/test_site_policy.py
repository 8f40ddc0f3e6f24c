"""The site configuration in the running shell (pytest-qt under Xvfb): the settings dialog shows
what the site locks disabled and keeps the site's values; a position the site exempts never
locks by itself; the workstation's effective settings and its log-in follow the site."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QDialog

from desktop.settings import SettingsStore, UserSettings
from desktop.shell.settings_dialog import SettingsDialog
from desktop.site_config import SiteConfig, load_site_config
from tests.desktop.conftest import run_ui, until

LOCKED_TARGETS_AND_MAP = """
[idle_lock]
minutes = 15
locked = true
[targets]
ack_seconds = [5, 20, 45, 90]
answer_seconds = 8
processing_seconds = 50
percent = 95
flood_threshold = 25
locked = true
[map]
basemap = "http://127.0.0.1:9/{z}/{x}/{y}.png"
locked = true
"""
OFFICERS_FILE = {  # what the officer's user-settings.json says
    "format_version": 1, "ack_target_seconds": [60, 60, 60, 60], "flood_threshold": 3,
    "target_percent": 50, "map_basemap": "/home/duty/own.mbtiles", "idle_lock_minutes": 120,
    "sound_volume": 35, "nominal_speed_kmh": 60,
}


def site_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(text, "utf-8")
    return path


def test_dialog_disables_what_the_site_locks_and_keeps_its_values(qtbot, tmp_path):
    path = site_file(tmp_path, LOCKED_TARGETS_AND_MAP.replace(  # the idle time: not locked
        "minutes = 15\nlocked = true", "minutes = 15\nlocked = false"))
    site = load_site_config(path)
    assert site.locked == {"ack_target_seconds", "answer_target_seconds", "target_percent",
                           "processing_target_seconds", "flood_threshold", "map_basemap"}
    store = SettingsStore.in_profile(tmp_path / "profile", site)
    store.path.parent.mkdir()
    store.path.write_text(json.dumps(OFFICERS_FILE), "utf-8")
    settings = store.load()

    dialog = SettingsDialog(settings, site=site)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tip = f"Set by the site configuration ({path})"
    locked = [*dialog.ack_targets, dialog.flood_threshold, dialog.basemap]
    for widget in locked:
        assert not widget.isEnabled() and widget.toolTip() == tip, widget
    for widget in (dialog.language, dialog.idle_lock, dialog.speed, dialog.volume,
                   dialog.repeat_window, *dialog.freshness):
        assert widget.isEnabled() and widget.toolTip() == "", widget
    # They show the site's values, not the officer's file.
    assert [b.value() for b in dialog.ack_targets] == [5, 20, 45, 90]
    assert dialog.flood_threshold.value() == 25
    assert dialog.basemap.text() == "http://127.0.0.1:9/{z}/{x}/{y}.png"
    assert dialog.idle_lock.value() == 120  # unlocked: the officer's own choice

    # Whatever reaches a locked widget, the result keeps the site's values.
    for box in dialog.ack_targets:
        box.setValue(600)
    dialog.flood_threshold.setValue(2)
    dialog.basemap.setText("/tmp/other.mbtiles")
    dialog.speed.setValue(80)
    dialog.idle_lock.setValue(10)
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    result = dialog.result_settings()
    assert result == replace(settings, nominal_speed_kmh=80, idle_lock_minutes=10)
    assert (result.ack_target_seconds, result.flood_threshold, result.target_percent,
            result.map_basemap) == ((5, 20, 45, 90), 25, 95,
                                    "http://127.0.0.1:9/{z}/{x}/{y}.png")

    # Saved: the officer's own choices only; read again, the site's locks still hold.
    store.save(result)
    saved = json.loads(store.path.read_text("utf-8"))
    assert not {"ack_target_seconds", "flood_threshold", "target_percent", "map_basemap",
                "answer_target_seconds", "processing_target_seconds"} & set(saved)
    assert (saved["nominal_speed_kmh"], saved["idle_lock_minutes"]) == (80, 10)
    assert store.load() == result


def test_a_locked_volume_stays_disabled_when_sounds_are_switched(qtbot, tmp_path):
    site = SiteConfig(defaults={"sound_volume": 50}, locked=frozenset({"sound_volume"}),
                      path=tmp_path / "site.toml")
    dialog = SettingsDialog(replace(UserSettings(), sound_volume=50, sounds=False), site=site)
    qtbot.addWidget(dialog)
    dialog.sounds.setChecked(True)
    assert dialog.sounds.isEnabled() and not dialog.volume.isEnabled()
    assert "site configuration" in dialog.volume.toolTip()
    dialog.volume.setValue(90)
    assert dialog.edited_settings().sound_volume == 50


def test_a_site_idle_lock_of_never_survives_the_dialog(qtbot):
    # The site's 0 (never) is outside the officer's range; OK without touching it keeps it.
    dialog = SettingsDialog(replace(UserSettings(), idle_lock_minutes=0))
    qtbot.addWidget(dialog)
    assert dialog.idle_lock.value() == 1
    assert dialog.edited_settings().idle_lock_minutes == 0
    dialog.idle_lock.setValue(7)
    assert dialog.edited_settings().idle_lock_minutes == 7


def test_workstation_takes_the_sites_locked_values_over_the_officers_file(
        make_workstation, qloop, tmp_path):
    path = site_file(tmp_path, LOCKED_TARGETS_AND_MAP)
    profile = tmp_path / "p"
    profile.mkdir(mode=0o700)
    (profile / "user-settings.json").write_text(json.dumps(OFFICERS_FILE), "utf-8")

    async def go():
        ws = await make_workstation(profile=str(profile), site_config=str(path))
        assert ws.site.path == path and ws.site.problem is None
        s = ws.preferences.settings
        assert (s.ack_target_seconds, s.answer_target_seconds, s.processing_target_seconds,
                s.target_percent, s.flood_threshold, s.map_basemap, s.idle_lock_minutes) == (
            (5, 20, 45, 90), 8, 50, 95, 25, "http://127.0.0.1:9/{z}/{x}/{y}.png", 15)
        assert (s.sound_volume, s.nominal_speed_kmh) == (35, 60)  # the officer's own
        # What reads the settings sees the effective ones.
        assert ws.flood.threshold == 25
        assert ws.guard.idle.timeout_ms() == 15 * 60_000
        assert ws.window.pane_widgets["grid_map"].ctx.settings().map_basemap == s.map_basemap
        # The settings dialog opened from the menu shows them locked.
        ws.preferences.edit()
        dialog = ws.window.findChild(SettingsDialog, "settingsDialog")
        await until(lambda: dialog.isVisible(), 5, "the settings dialog")
        assert not dialog.basemap.isEnabled() and not dialog.idle_lock.isEnabled()
        assert str(path) in dialog.flood_threshold.toolTip()
        dialog.reject()
        # No server anywhere: the log-in asks, with nothing locked about the server.
        assert ws.login_dialog is not None and ws.login_dialog.server.text() == ""
        assert not ws.login_dialog.server.isReadOnly()

    run_ui(qloop, go())


def test_exempt_position_never_locks_by_itself(make_workstation, qloop, tmp_path):
    path = site_file(tmp_path, "[idle_lock]\nexempt = true\nminutes = 1\n")

    async def go():
        ws = await make_workstation(site_config=str(path))
        assert ws.site.idle_lock_exempt and ws.preferences.site_exempt
        assert ws.guard.site_exempt and ws.guard.idle.timeout_ms() == 0  # never
        # Settings changing the idle time do not arm it either.
        ws.preferences.update(replace(ws.preferences.settings, idle_lock_minutes=1))
        assert ws.guard.idle.timeout_ms() == 0
        ws.preferences.edit()
        dialog = ws.window.findChild(SettingsDialog, "settingsDialog")
        await until(lambda: dialog.isVisible(), 5, "the settings dialog")
        assert not dialog.idle_lock.isEnabled() and "exempt" in dialog.idle_note.text()
        dialog.reject()
        await asyncio.sleep(0.2)  # the settings file is written off the UI thread

    run_ui(qloop, go())


def test_locked_server_is_the_only_one_at_log_in(make_workstation, qloop, tmp_path,
                                                 quiet_server):
    path = site_file(tmp_path, f'[server]\nurl = "{quiet_server.url}"\nlocked = true\n')

    async def go():
        ws = await make_workstation(server="http://127.0.0.1:1", site_config=str(path))
        assert ws.command_line_server == quiet_server.url
        notices = [n.text for n in ws.state.notices if n.level == "warning"]
        assert any("site configuration" in t and quiet_server.url in t for t in notices), notices
        await until(lambda: ws.login_dialog is not None and ws.login_dialog.isVisible(), 5,
                    "the log-in dialog")
        dialog = ws.login_dialog
        assert dialog.server.text() == quiet_server.url and dialog.server.isReadOnly()
        assert str(path) in dialog.server.toolTip()
        dialog.user.setText("duty")
        dialog.password.setText("demo")
        dialog.buttons.accepted.emit()
        await until(lambda: ws.state.connection.status == "online", 20, "online")
        assert ws.service.session.api.base_url.startswith(quiet_server.url)

    run_ui(qloop, go())


def test_site_server_is_the_default_but_not_locked(make_workstation, qloop, tmp_path):
    path = site_file(tmp_path, '[server]\nurl = "http://10.1.2.3:8600"\n')
    profile = tmp_path / "p"
    profile.mkdir(mode=0o700)
    (profile / "user-settings.json").write_text(json.dumps(
        {"format_version": 1, "last_server": "http://10.9.9.9:8600"}), "utf-8")

    async def go():
        ws = await make_workstation(profile=str(profile), site_config=str(path))
        dialog = ws.login_dialog
        # The site's address comes before the one the officer used last.
        assert dialog.server.text() == "http://10.1.2.3:8600"
        assert not dialog.server.isReadOnly() and dialog.server.isEnabled()
        assert not [n for n in ws.state.notices if n.level == "warning"]

    run_ui(qloop, go())


def test_an_unreadable_site_file_is_told_to_the_officer(make_workstation, qloop, tmp_path):
    path = site_file(tmp_path, "[targets\npercent = 90\n")

    async def go():
        ws = await make_workstation(site_config=str(path))
        assert ws.preferences.settings == UserSettings()
        texts = [n.text for n in ws.state.notices if n.level == "warning"]
        assert (f"The site configuration {path} could not be read, so the standard settings "
                "are in use.") in texts

    run_ui(qloop, go())
