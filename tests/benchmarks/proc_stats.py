"""CPU time and memory of processes from /proc (psutil is not in the venv): what the video
benchmarks measure their children and the decode floor with."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """utime + stime of a whole process: /proc/PID/stat sums all its threads (also the
    ones that have ended), which is what libVLC's decoder and output threads need."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = raw[raw.rindex(")") + 2:].split()  # the command name may hold spaces
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class CpuMeter:
    """CPU of a set of processes over a window, in % of one core."""

    def __init__(self, pids: Sequence[int]) -> None:
        self.pids = [p for p in pids if p]
        self.t0 = time.monotonic()
        self.c0 = [cpu_seconds(p) for p in self.pids]

    def percent(self) -> float:
        elapsed = time.monotonic() - self.t0
        used = sum(cpu_seconds(p) - c for p, c in zip(self.pids, self.c0, strict=True))
        return 100.0 * used / elapsed if elapsed > 0 else 0.0
