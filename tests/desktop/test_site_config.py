"""The hall's site configuration (/etc/ccw/site.toml): reading and checking it, the installed
template, and its precedence over the officer's own settings through ``SettingsStore``. Real
files; no Qt."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.settings import SettingsStore, UserSettings
from desktop.site_config import (
    SETTING_KEYS,
    SITE_CONFIG_ENV,
    SITE_CONFIG_PATH,
    SiteConfig,
    load_site_config,
    same_server,
    site_config_path,
)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "installer" / "site.toml"
BEGIN, END = "# ----- BEGIN EXAMPLE", "# ----- END EXAMPLE"

FULL = """
[server]
url = "https://central.hall.local:8600"
locked = true

[idle_lock]
exempt = true
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
basemap = "http://tiles.hall.local/{z}/{x}/{y}.png"
locked = false
"""
FULL_DEFAULTS = {
    "idle_lock_minutes": 15,
    "ack_target_seconds": (5, 20, 45, 90),
    "answer_target_seconds": 8,
    "processing_target_seconds": 50,
    "target_percent": 95,
    "flood_threshold": 25,
    "map_basemap": "http://tiles.hall.local/{z}/{x}/{y}.png",
}


def write(tmp_path: Path, text: str, name: str = "site.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def uncommented_example(text: str) -> str:
    """The template with the "# " taken off every line between the two markers."""
    out, inside = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith(END):
            inside = False
        out.append(line[2:] if inside and line.startswith("# ") else line)
        if line.startswith(BEGIN):
            inside = True
    return "".join(out)


# --- where it is read from ------------------------------------------------------------------


def test_path_from_the_argument_the_environment_or_etc(monkeypatch, tmp_path):
    monkeypatch.delenv(SITE_CONFIG_ENV, raising=False)
    assert SITE_CONFIG_PATH == Path("/etc/ccw/site.toml")
    assert site_config_path() == SITE_CONFIG_PATH
    monkeypatch.setenv(SITE_CONFIG_ENV, str(tmp_path / "env.toml"))
    assert site_config_path() == tmp_path / "env.toml"
    assert site_config_path(tmp_path / "arg.toml") == tmp_path / "arg.toml"
    monkeypatch.setenv(SITE_CONFIG_ENV, "")
    assert site_config_path() == SITE_CONFIG_PATH


def test_the_environment_variable_names_the_file(monkeypatch, tmp_path):
    path = write(tmp_path, "[map]\nbasemap = \"/srv/tiles/hall.mbtiles\"\n")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(path))
    site = load_site_config()
    assert site.defaults == {"map_basemap": "/srv/tiles/hall.mbtiles"} and site.path == path


def test_a_missing_file_is_an_empty_configuration(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    site = load_site_config(tmp_path / "absent" / "site.toml")
    assert site == SiteConfig()
    assert site.problem is None and site.path is None and not site.locked
    assert not caplog.records  # nothing to warn about: most positions have no site file


# --- every key -----------------------------------------------------------------------------


def test_every_key(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    path = write(tmp_path, FULL)
    site = load_site_config(path)
    assert site.problem is None and site.path == path
    assert site.server_url == "https://central.hall.local:8600" and site.server_locked
    assert site.idle_lock_exempt
    assert dict(site.defaults) == FULL_DEFAULTS
    assert site.locked == frozenset(FULL_DEFAULTS) - {"map_basemap"}
    assert site.is_locked("target_percent") and not site.is_locked("map_basemap")
    assert not caplog.records
    # Each value is one UserSettings accepts as it is.
    assert replace(UserSettings(), **site.defaults).flood_threshold == 25
    with pytest.raises(TypeError):
        site.defaults["flood_threshold"] = 3  # read only


def test_locked_locks_only_the_keys_present(tmp_path):
    site = load_site_config(write(tmp_path, "[targets]\npercent = 80\nlocked = true\n"
                                            "[map]\nbasemap = \"\"\n"))
    assert site.locked == {"target_percent"}
    assert dict(site.defaults) == {"target_percent": 80, "map_basemap": ""}
    site = load_site_config(write(tmp_path, "[server]\nurl = \"http://10.1.2.3:8600\"\n"))
    assert site.server_url == "http://10.1.2.3:8600" and not site.server_locked
    site = load_site_config(write(tmp_path, "[idle_lock]\nminutes = 0\n"))  # the site's "never"
    assert site.defaults == {"idle_lock_minutes": 0} and not site.idle_lock_exempt


def test_every_mapped_field_is_a_user_setting():
    names = {name for keys in SETTING_KEYS.values() for name in keys.values()}
    assert names <= set(UserSettings.__dataclass_fields__)
    assert names == set(FULL_DEFAULTS)


# --- what is wrong is ignored, key by key -----------------------------------------------------


@pytest.mark.parametrize("section, key, bad", [
    ("idle_lock", "minutes", "-1"),
    ("idle_lock", "minutes", '"15"'),
    ("idle_lock", "minutes", "true"),
    ("idle_lock", "exempt", '"yes"'),
    ("targets", "ack_seconds", "[10, 30, 60]"),
    ("targets", "ack_seconds", "[10, 30, 60, 0]"),
    ("targets", "ack_seconds", "[10, 30, 60, 1.5]"),
    ("targets", "answer_seconds", "0"),
    ("targets", "processing_seconds", "3601"),
    ("targets", "percent", "150"),
    ("targets", "percent", "49"),
    ("targets", "percent", "90.0"),
    ("targets", "flood_threshold", "0"),
    ("map", "basemap", "42"),
    ("map", "locked", '"yes"'),
    ("server", "url", "8600"),
    ("server", "url", '"ftp://10.1.2.3/"'),
    ("server", "url", '"central:8600"'),
    ("server", "url", '"http://"'),
    ("server", "url", '"http://10.1.2.3:port/"'),
])
def test_a_bad_value_is_ignored_alone_and_logged_by_its_key(tmp_path, caplog, section, key,
                                                             bad):
    caplog.set_level(logging.WARNING, logger="desktop.site_config")
    text = FULL.replace(_line_of(section, key), f"{key} = {bad}")
    assert text != FULL
    site = load_site_config(write(tmp_path, text))
    assert site.problem is None
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) >= 1 and f"{section}.{key}" in messages[0], messages
    expected = dict(FULL_DEFAULTS)
    locked = set(FULL_DEFAULTS) - {"map_basemap"}
    field = SETTING_KEYS[section].get(key)
    if field is not None:  # just that value is gone; the rest of the file applies
        expected.pop(field)
        locked.discard(field)
    assert dict(site.defaults) == expected and site.locked == locked
    assert site.idle_lock_exempt == (key != "exempt")
    if section == "server":  # no usable address: nothing offered, nothing locked
        assert site.server_url is None and not site.server_locked
    else:
        assert site.server_url == "https://central.hall.local:8600" and site.server_locked


def _line_of(section: str, key: str) -> str:
    """The line ``key = …`` of ``[section]`` in FULL."""
    body = FULL.split(f"[{section}]", 1)[1].split("\n[", 1)[0]
    return next(line for line in body.splitlines() if line.startswith(f"{key} ="))


def test_a_locked_flag_that_is_no_boolean_locks_nothing(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="desktop.site_config")
    site = load_site_config(write(tmp_path, "[targets]\npercent = 80\nlocked = 1\n"))
    assert site.defaults == {"target_percent": 80} and not site.locked
    assert "targets.locked" in caplog.text


def test_unknown_sections_and_keys_are_logged_and_ignored(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="desktop.site_config")
    site = load_site_config(write(tmp_path, """
        top_level = 1
        [video]
        latency = "smooth"
        [targets]
        percent = 85
        precent = 80
        [map]
        basemap = "/srv/hall.mbtiles"
        [map.extra]
        zoom = 3
    """.replace("\n        ", "\n")))
    assert site.problem is None
    assert dict(site.defaults) == {"target_percent": 85, "map_basemap": "/srv/hall.mbtiles"}
    for name in ("[top_level]", "[video]", "targets.precent", "map.extra"):
        assert name in caplog.text, name


def test_server_address_with_credentials_is_rejected_without_logging_them(tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="desktop.site_config")
    site = load_site_config(write(tmp_path, '[server]\nurl = "http://duty:s3cret@10.1.2.3:8600"\n'
                                            "locked = true\n"))
    assert site.server_url is None and not site.server_locked
    assert "server.url" in caplog.text and "password" in caplog.text
    assert "s3cret" not in caplog.text
    site = load_site_config(write(tmp_path, '[server]\nurl = "https://admin@central"\n'))
    assert site.server_url is None


def test_server_locked_without_an_address_locks_nothing(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="desktop.site_config")
    site = load_site_config(write(tmp_path, "[server]\nlocked = true\n"))
    assert site.server_url is None and not site.server_locked
    assert "no usable url" in caplog.text


def test_a_section_that_is_no_table_is_ignored(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="desktop.site_config")
    site = load_site_config(write(tmp_path, 'map = "x"\n[targets]\npercent = 70\n'))
    assert site.defaults == {"target_percent": 70} and "map" in caplog.text


# --- an unusable file ------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"[targets\npercent = 90\n", b"percent = = 3\n",
                                     b"[map]\nbasemap = 'a'\nbasemap = 'b'\n",
                                     b"\xff\xfe[map]\n"])
def test_an_invalid_file_gives_the_standard_settings_and_a_sentence(tmp_path, caplog, content):
    caplog.set_level(logging.WARNING, logger="desktop.site_config")
    path = tmp_path / "site.toml"
    path.write_bytes(content)
    site = load_site_config(path)
    assert site.defaults == {} and not site.locked and site.server_url is None
    assert site.path == path
    assert site.problem == (f"The site configuration {path} could not be read, so the "
                            "standard settings are in use.")
    assert str(path) in caplog.text and ("TOML" in caplog.text or "UTF-8" in caplog.text)


def test_a_file_that_cannot_be_read_gives_a_problem(tmp_path):
    (tmp_path / "site.toml").mkdir()  # a directory where the file should be
    site = load_site_config(tmp_path / "site.toml")
    assert site.problem is not None and str(tmp_path / "site.toml") in site.problem
    assert site.defaults == {}


# --- the installed template ------------------------------------------------------------------


def test_the_installed_template_changes_nothing(caplog):
    caplog.set_level(logging.WARNING, logger="desktop.site_config")
    text = TEMPLATE.read_text("utf-8")
    assert BEGIN in text and END in text
    site = load_site_config(TEMPLATE)
    assert site == SiteConfig(path=TEMPLATE)
    assert not caplog.records
    assert all(not line.strip() or line.startswith("#") for line in text.splitlines())
    assert text.isascii()  # explained in English


def test_the_uncommented_template_example(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="desktop.site_config")
    path = write(tmp_path, uncommented_example(TEMPLATE.read_text("utf-8")))
    site = load_site_config(path)
    assert not caplog.records, caplog.text  # every key in the example is known and valid
    assert site.problem is None
    assert site.server_url == "http://10.1.2.3:8600" and site.server_locked
    assert not site.idle_lock_exempt
    assert dict(site.defaults) == {
        "idle_lock_minutes": 15,
        "ack_target_seconds": (10, 30, 60, 120),
        "answer_target_seconds": 10,
        "processing_target_seconds": 60,
        "target_percent": 90,
        "flood_threshold": 10,
        "map_basemap": "http://tiles.hall.local/{z}/{x}/{y}.png",
    }
    assert site.locked == {"idle_lock_minutes", "ack_target_seconds", "answer_target_seconds",
                           "processing_target_seconds", "target_percent", "flood_threshold"}
    # Every key the module knows is explained and shown in the example.
    example = uncommented_example(TEMPLATE.read_text("utf-8"))
    for section, keys in SETTING_KEYS.items():
        assert f"[{section}]" in example
        for key in keys:
            assert f"\n{key} = " in example, key


# --- precedence through the settings store ---------------------------------------------------


def store_with(tmp_path: Path, site_text: str, saved: dict | None = None) -> SettingsStore:
    site = load_site_config(write(tmp_path, site_text))
    assert site.problem is None
    store = SettingsStore.in_profile(tmp_path / "profile", site)
    if saved is not None:
        store.path.parent.mkdir(parents=True, exist_ok=True)
        store.path.write_text(json.dumps({"format_version": 1, **saved}), "utf-8")
    return store


SITE = """
[targets]
ack_seconds = [5, 20, 45, 90]
percent = 95
locked = true
[map]
basemap = "http://tiles.hall.local/{z}/{x}/{y}.png"
[idle_lock]
minutes = 15
"""


def test_site_defaults_replace_the_built_in_ones(tmp_path):
    store = store_with(tmp_path, SITE)
    s = store.load()
    assert store.problem is None
    assert s == replace(UserSettings(), ack_target_seconds=(5, 20, 45, 90), target_percent=95,
                        map_basemap="http://tiles.hall.local/{z}/{x}/{y}.png",
                        idle_lock_minutes=15)
    assert store.defaults() == s


def test_the_officer_overrides_what_is_not_locked_and_the_site_wins_what_is(tmp_path):
    store = store_with(tmp_path, SITE, saved={
        "map_basemap": "/home/duty/tiles.mbtiles",  # unlocked: the officer's choice stands
        "idle_lock_minutes": 5,                    # unlocked
        "ack_target_seconds": [60, 60, 60, 60],    # locked: the site's value wins
        "target_percent": 50,                      # locked
        "sound_volume": 35,                        # not set by the site at all
    })
    s = store.load()
    assert (s.map_basemap, s.idle_lock_minutes, s.sound_volume) == (
        "/home/duty/tiles.mbtiles", 5, 35)
    assert (s.ack_target_seconds, s.target_percent) == ((5, 20, 45, 90), 95)
    # Without the site, the same file gives the officer's values everywhere.
    plain = SettingsStore(store.path).load()
    assert (plain.ack_target_seconds, plain.target_percent) == ((60, 60, 60, 60), 50)


def test_save_writes_only_the_officers_own_choices(tmp_path):
    store = store_with(tmp_path, SITE)
    s = store.load()
    store.save(replace(s, sound_volume=40, map_basemap="/srv/own.mbtiles",
                       target_percent=60))  # a locked value cannot be saved over the site
    saved = json.loads(store.path.read_text("utf-8"))
    assert "ack_target_seconds" not in saved and "target_percent" not in saved  # locked
    assert "idle_lock_minutes" not in saved  # only repeats the site's default
    assert saved["sound_volume"] == 40 and saved["map_basemap"] == "/srv/own.mbtiles"
    assert saved["format_version"] == 1 and saved["flood_threshold"] == 10
    again = store.load()
    assert (again.sound_volume, again.map_basemap, again.target_percent,
            again.ack_target_seconds, again.idle_lock_minutes) == (
        40, "/srv/own.mbtiles", 95, (5, 20, 45, 90), 15)
    # The site changes its default later: who did not choose otherwise follows it.
    site = load_site_config(write(tmp_path, SITE.replace("minutes = 15", "minutes = 20")))
    assert SettingsStore(store.path, site).load().idle_lock_minutes == 20


def test_a_locked_value_in_an_old_file_is_dropped_on_save(tmp_path):
    store = store_with(tmp_path, SITE, saved={"target_percent": 50, "sounds": False})
    store.save(store.load())
    saved = json.loads(store.path.read_text("utf-8"))
    assert "target_percent" not in saved and saved["sounds"] is False


def test_a_corrupt_user_file_still_gets_the_site_values(tmp_path):
    store = store_with(tmp_path, SITE)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{not json", "utf-8")
    s = store.load()
    assert store.problem is not None
    assert s.target_percent == 95 and s.idle_lock_minutes == 15


def test_an_empty_site_changes_nothing_in_the_store(tmp_path):
    store = SettingsStore.in_profile(tmp_path, SiteConfig())
    s = replace(UserSettings(), sound_volume=12)
    store.save(s)
    assert store.load() == s
    assert json.loads(store.path.read_text("utf-8")) == json.loads(
        json.dumps({**UserSettings().__dict__, "sound_volume": 12}))


# --- helpers and layering --------------------------------------------------------------------


def test_same_server():
    assert same_server("http://10.1.2.3:8600", "HTTP://10.1.2.3:8600/")
    assert same_server("http://central", "http://central:80")
    assert not same_server("http://central:8600", "https://central:8600")
    assert not same_server("http://central:8600", "http://other:8600")


def test_the_module_imports_no_qt():
    code = ("import importlib.abc, sys\n"
            "class Block(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in {'PySide6', 'shiboken6', 'qasync', 'widgets'}:\n"
            "            raise ImportError(name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "import desktop.site_config, desktop.settings\n"
            "print('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


def test_command_line_option():
    from desktop.cli import parse_args

    assert parse_args(["--site-config", "/srv/hall/site.toml"]).site_config == (
        "/srv/hall/site.toml")
    assert parse_args([]).site_config is None
