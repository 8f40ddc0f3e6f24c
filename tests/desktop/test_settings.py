"""The officer's settings file and the settings dialog."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace

import pytest
from PySide6.QtWidgets import QDialog

from desktop import settings as settings_module
from desktop.settings import FORMAT_VERSION, SettingsStore, UserSettings
from desktop.shell import theme
from desktop.shell.settings_dialog import SettingsDialog, problem_text
from desktop.state import files as files_module
from tests.desktop.test_theme import themed  # noqa: F401 (a fixture)


def test_defaults_when_there_is_no_file(tmp_path):
    store = SettingsStore(tmp_path / "none" / "user-settings.json")
    s = store.load()
    assert s == UserSettings()
    assert (s.language, s.theme, s.large_text, s.sounds, s.idle_lock_minutes) == (
        "system", "operations-dark", False, True, 30)
    assert 0 <= s.sound_volume <= 100 and s.format_version == FORMAT_VERSION
    assert store.problem is None


def test_round_trip(tmp_path):
    store = SettingsStore.in_profile(tmp_path / "profile")
    changed = UserSettings(language="zh_CN", large_text=True, sounds=False, sound_volume=35,
                           idle_lock_minutes=10, remember_server=True,
                           last_server="https://hall.example:8600", last_user="张伟")
    store.save(changed)
    assert SettingsStore(store.path).load() == changed
    text = store.path.read_text("utf-8")
    assert "张伟" in text and json.loads(text)["format_version"] == FORMAT_VERSION
    assert not list(store.path.parent.glob("*.part"))  # the temporary file was renamed


def test_save_is_atomic_when_the_write_fails(tmp_path, monkeypatch):
    store = SettingsStore(tmp_path / "user-settings.json")
    store.save(UserSettings(sound_volume=11))

    def refuse(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(files_module.os, "replace", refuse)
    with pytest.raises(OSError):
        store.save(UserSettings(sound_volume=99))
    assert store.load().sound_volume == 11
    assert [p.name for p in tmp_path.iterdir()] == ["user-settings.json"]


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe\x00garbage",
                                     b'{"format_version": "x"}', b""])
def test_a_corrupt_file_is_moved_aside_and_defaults_used(tmp_path, content, caplog):
    path = tmp_path / "user-settings.json"
    path.write_bytes(content)
    store = SettingsStore(path)
    assert store.load() == UserSettings()
    assert store.problem is not None and "could not be read" in store.problem.message
    moved = store.problem.moved_to
    assert moved is not None and moved.read_bytes() == content
    assert moved.name.startswith("user-settings.json.corrupt-")
    assert not path.exists()
    assert "standard settings" in problem_text(store.problem) and moved.name in problem_text(
        store.problem)
    store.save(UserSettings(large_text=True))  # and the officer can save again
    assert store.load().large_text and store.problem is None


def test_unknown_keys_and_bad_values_are_ignored(tmp_path):
    path = tmp_path / "user-settings.json"
    path.write_text(json.dumps({
        "format_version": FORMAT_VERSION, "language": "fr", "sound_volume": 250,
        "idle_lock_minutes": 15, "large_text": "yes", "window_geometry": [1, 2, 3],
        "theme": "operations-dark", "last_user": 7}))
    s = SettingsStore(path).load()
    assert s == UserSettings(idle_lock_minutes=15)


def test_every_field_is_validated_on_load():
    validated = set(settings_module._VALID)
    assert validated == {f.name for f in fields(UserSettings)} - {"format_version"}


def test_migration_from_format_0(tmp_path):
    path = tmp_path / "user-settings.json"
    path.write_text(json.dumps({  # the prototype's file: no version, and a password
        "locale": "zh", "big_fonts": 1, "volume": 0.25, "idle_lock_seconds": 600,
        "sounds": False, "last_server": "http://duty:secret@10.0.0.5:8600/",
        "last_user": "duty", "password": "demo"}))
    store = SettingsStore(path)
    s = store.load()
    assert s == UserSettings(language="zh_CN", large_text=True, sound_volume=25,
                             idle_lock_minutes=10, sounds=False,
                             last_server="http://10.0.0.5:8600/", last_user="duty")
    store.save(s)
    saved = json.loads(path.read_text())
    assert saved["format_version"] == FORMAT_VERSION
    assert "demo" not in path.read_text() and "secret" not in path.read_text()
    assert set(settings_module.MIGRATIONS) == set(range(FORMAT_VERSION))


def test_no_password_or_token_can_be_saved(tmp_path):
    assert not [f.name for f in fields(UserSettings)
                if "pass" in f.name.lower() or "token" in f.name.lower()]

    @dataclass(frozen=True)
    class Leaky(UserSettings):
        session_token: str = "abc"

    store = SettingsStore(tmp_path / "user-settings.json")
    with pytest.raises(ValueError, match="session_token"):
        store.save(Leaky())
    assert not store.path.exists()
    with pytest.raises(AttributeError):
        UserSettings().password = "demo"  # type: ignore[attr-defined]


def test_server_address_saved_without_credentials_or_at_all(tmp_path):
    store = SettingsStore(tmp_path / "user-settings.json")
    store.save(UserSettings(last_server="https://duty:demo@hall.example/api"))
    assert store.load().last_server == "https://hall.example/api"
    store.save(UserSettings(last_server="https://hall.example", remember_server=False))
    assert store.load().last_server is None


def test_dialog_edits_and_returns_new_settings(qtbot):
    start = UserSettings(language="en", sound_volume=40, idle_lock_minutes=20)
    dialog = SettingsDialog(start)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.large_text.setChecked(True)
    dialog.volume.setValue(70)
    dialog.idle_lock.setValue(5)
    assert dialog.volume_value.text() == "70 %"
    dialog.sounds.setChecked(False)
    assert not dialog.volume.isEnabled()
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_settings() == replace(start, language="zh_CN", large_text=True,
                                               sound_volume=70, sounds=False,
                                               idle_lock_minutes=5)


def test_dialog_cancel_keeps_the_settings(qtbot):
    start = UserSettings()
    dialog = SettingsDialog(start)
    qtbot.addWidget(dialog)
    dialog.large_text.setChecked(True)
    dialog.buttons.rejected.emit()
    assert dialog.result_settings() == start


def test_dialog_idle_lock_exempt_position(qtbot, request):
    theme.apply_theme(request.getfixturevalue("themed"))
    start = UserSettings(idle_lock_minutes=30)
    dialog = SettingsDialog(start, site_exempt=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.idle_lock.isEnabled()
    assert "exempt" in dialog.idle_note.text() and dialog.idle_note.isVisible()
    dialog.idle_lock.setValue(3)  # even if something sets it, the site's policy stands
    dialog.accept()
    assert dialog.result_settings().idle_lock_minutes == 30
    dialog.grab().save("/tmp/settings-dialog.png")


def test_dialog_video_map_and_position_settings(qtbot):
    start = UserSettings()
    dialog = SettingsDialog(start)
    qtbot.addWidget(dialog)
    dialog.video_latency.setCurrentIndex(dialog.video_latency.findData("smooth"))
    dialog.video_rendering.setCurrentIndex(dialog.video_rendering.findData("software"))
    dialog.basemap.setText("  https://tiles.hall.local/{z}/{x}/{y}.png ")
    for box, value in zip(dialog.freshness, (30, 120, 900), strict=True):
        box.setValue(value)
    assert dialog.edited_settings() == replace(
        start, video_latency="smooth", video_rendering="software",
        map_basemap="https://tiles.hall.local/{z}/{x}/{y}.png",
        position_freshness_seconds=(30, 120, 900))
    # Thresholds that do not grow are not taken: a position cannot be lost before stale.
    dialog.freshness[2].setValue(60)
    assert dialog.edited_settings().position_freshness_seconds == (60, 300, 1800)


def test_dialog_unit_timers_in_minutes(qtbot):
    start = replace(UserSettings(), unit_status_target_seconds=(90, 600, 1200))
    dialog = SettingsDialog(start)
    qtbot.addWidget(dialog)
    assert [b.value() for b in dialog.unit_timers] == [2, 10, 20]  # 90 s shows as 2 min
    # Untouched, a site's 90 s stays 90 s (not rounded to the box's 2 min).
    assert dialog.edited_settings() == start
    dialog.unit_timers[0].setValue(3)
    dialog.unit_timers[2].setValue(15)
    assert dialog.edited_settings().unit_status_target_seconds == (180, 600, 900)
    assert dialog.unit_timers[1].minimum() == 1  # a target of 0 would make every unit late
