"""A command is durable when enqueue returns: a process killed with SIGKILL right after loses
nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from backend_client.journal import Journal
from backend_client.outbox import Outbox

ROOT = Path(__file__).resolve().parents[2]
N = 40

CHILD = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from backend_client.journal import Journal
    from backend_client.outbox import Outbox

    outbox = Outbox(Journal(Path(sys.argv[1])))
    items = [outbox.enqueue("POST", f"/alarms/a{i}/acknowledge", {"note": str(i)}, "op-1")
             for i in range(int(sys.argv[2]))]
    keys = [item.idempotency_key for item in items]
    print(json.dumps(keys), flush=True)
    print("ok", flush=True)
    time.sleep(60)  # killed before it can close anything
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_enqueued_commands_survive_sigkill(tmp_path):
    path = tmp_path / "journal.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(N)], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        keys = json.loads(child.stdout.readline())
        assert child.stdout.readline().strip() == "ok", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    # The WAL still holds the commits: the kill gave SQLite no chance to checkpoint.
    assert path.with_name("journal.sqlite-wal").exists()

    j = Journal(path)
    try:
        assert j.salvage is None
        pending = Outbox(j).pending()
        assert [p.idempotency_key for p in pending] == keys
        assert [p.body for p in pending] == [{"note": str(i)} for i in range(N)]
        assert [p.seq for p in pending] == sorted(p.seq for p in pending)
    finally:
        j.close()
