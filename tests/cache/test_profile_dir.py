"""profile_dir: --profile override or the user data dir, created 0700."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from backend_client.profile import cache_path, journal_path, profile_dir

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_override_is_created_private(tmp_path):
    target = tmp_path / "a" / "profile"
    got = profile_dir(str(target))
    assert got == target.resolve() and got.is_dir() and mode(got) == 0o700
    assert cache_path(got).name == "cache.sqlite" and journal_path(got).parent == got


@posix_only
def test_existing_override_keeps_its_mode(tmp_path):
    tmp_path.chmod(0o755)
    assert profile_dir(tmp_path) == tmp_path.resolve()
    assert mode(tmp_path) == 0o755


@posix_only
@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is Linux's")
def test_default_is_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    got = profile_dir(None)
    assert got == tmp_path / "data" / "ccw" and mode(got) == 0o700
    got.chmod(0o755)
    assert mode(profile_dir("")) == 0o700  # ours: tightened again
