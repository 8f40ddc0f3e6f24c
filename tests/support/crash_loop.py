"""The crash loop: a real workstation (tests/support/crash_child.py) works on one profile, is
killed with SIGKILL at a random moment, and starts again on the same profile, ``rounds``
times; then it runs once more to the end, sending what it still holds.

What is checked, by ``CrashReport.problems``:

- after every restart, ``PRAGMA integrity_check`` is ``ok`` on every SQLite file of the
  profile, and no file was found damaged and moved aside (``*.corrupt-*``);
- every action the workstation showed as queued reached the server exactly once: its
  idempotency key is in the server's log of keys (its own SQLite file), and its note — each
  action carries a note text of its own — is on the alarm once if the server accepted it,
  not at all if it refused it (the alarm had been closed meanwhile, say);
- no action, shown or not (killed between the outbox's commit and the line on stdout), was
  applied twice.
"""

from __future__ import annotations

import json
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 60.0


@dataclass
class CrashReport:
    rounds: int = 0
    killed_before_ready: int = 0
    shown: list[dict[str, Any]] = field(default_factory=list)
    integrity_checks: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


class _Child:
    """One run of the workstation; its stdout lines arrive on a queue."""

    def __init__(self, url: str, profile: Path, round_: int, seed: int, finish: bool) -> None:
        cmd = [sys.executable, "-m", "tests.support.crash_child", url, str(profile),
               str(round_), str(seed)] + (["--finish"] if finish else [])
        self.log = open(profile.parent / "crash-child.log", "ab")  # noqa: SIM115 - closed in wait
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=self.log,
                                     text=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def next_line(self, timeout: float) -> str | None:
        """The next line, None at the end of output; ``queue.Empty`` after ``timeout``."""
        return self.lines.get(timeout=timeout)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)
        self.log.close()


def _collect(child: _Child, until: float, report: CrashReport, want: str | None = None) -> bool:
    """Take the child's lines until ``until`` (monotonic) or until the line ``want``; keep
    every shown action. True if ``want`` came."""
    while True:
        left = until - time.monotonic()
        if left <= 0:
            return False
        try:
            line = child.next_line(left)
        except queue.Empty:
            return False
        if line is None:
            return False
        if line.startswith("{"):
            report.shown.append(json.loads(line))
        elif want is not None and line == want:
            return True


def integrity_problems(profile: Path) -> list[str]:
    problems = []
    for path in sorted(profile.rglob("*.sqlite")):
        conn = sqlite3.connect(path, timeout=10)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as e:
            result = [repr(e)]
        finally:
            conn.close()
        if result != ["ok"]:
            problems.append(f"{path.name}: {result[:3]}")
    problems += [f"moved aside as damaged: {p.name}" for p in profile.rglob("*.corrupt-*")]
    return problems


def run_crash_loop(server: Any, profile: Path, rounds: int, seed: int = 1) -> CrashReport:
    """``server``: a running ``ServerProcess`` (its ``url`` and its SQLite file ``db``)."""
    rng = random.Random(seed)
    report = CrashReport()
    started = time.monotonic()
    for round_ in range(1, rounds + 1):
        child = _Child(server.url, profile, round_, rng.randrange(1 << 30), finish=False)
        try:
            if rng.random() < 0.25:
                # Killed while starting: opening files, logging in, taking the snapshot.
                ready = _collect(child, time.monotonic() + rng.uniform(0.3, 3.0), report,
                                 "ready")
                if ready:  # it was quicker than the moment chosen: kill it at once
                    _collect(child, time.monotonic(), report)
                else:
                    report.killed_before_ready += 1
            else:
                if not _collect(child, time.monotonic() + READY_TIMEOUT_S, report, "ready"):
                    report.problems.append(f"round {round_}: not ready in {READY_TIMEOUT_S} s")
                    break
                report.problems += [f"round {round_}: {p}" for p in integrity_problems(profile)]
                report.integrity_checks += 1
                _collect(child, time.monotonic() + rng.uniform(0.0, 2.5), report)
        finally:
            child.kill()
        report.rounds = round_
        _collect(child, time.monotonic() + 0.5, report)  # lines written before the kill

    final = _Child(server.url, profile, rounds + 1, 0, finish=True)
    try:
        if not _collect(final, time.monotonic() + READY_TIMEOUT_S, report, "ready"):
            report.problems.append("the last start did not get ready")
        report.problems += [f"last start: {p}" for p in integrity_problems(profile)]
        report.integrity_checks += 1
        if not _collect(final, time.monotonic() + 120, report, "drained"):
            report.problems.append("the outbox was not emptied in 120 s")
        final.proc.wait(30)
    finally:
        final.kill()
    report.problems += _compare_with_server(server, report.shown)
    report.seconds = time.monotonic() - started
    return report


def _compare_with_server(server: Any, shown: list[dict[str, Any]]) -> list[str]:
    """The server's own records, from its SQLite file: the idempotency keys it has answered
    (with the status it answered) and every alarm, closed ones too, with its notes."""
    problems = []
    db = sqlite3.connect(f"file:{server.db}?mode=ro", uri=True, timeout=10)
    try:
        keys = {key: status for key, status in db.execute(
            "SELECT key, status FROM idempotency WHERE operator_id = 'duty'")}
        notes: Counter[str] = Counter()
        for (text,) in db.execute("SELECT json FROM alarms"):
            for note in json.loads(text)["notes"]:
                for mark in _crash_texts(note["text"]):
                    notes[mark] += 1
    finally:
        db.close()
    for action in shown:
        status = keys.get(action["key"] or "")
        if status is None:
            problems.append(f"{action['text']} ({action['action']}) never reached the server")
            continue
        want = 1 if 200 <= status < 300 else 0
        if notes[action["text"]] != want:
            problems.append(f"{action['text']} ({action['action']}): server answered {status}, "
                            f"its note is there {notes[action['text']]} times")
    problems += [f"{text} applied {n} times" for text, n in notes.items() if n > 1]
    return problems


def _crash_texts(note: str) -> list[str]:
    """The ``crash R.N`` marks in a note (a dispatch note reads ``→ P-01: crash 3.7``)."""
    words = note.split()
    return [f"crash {words[i + 1]}" for i, w in enumerate(words[:-1])
            if w.endswith("crash") and words[i + 1][:1].isdigit()]
