"""The packaged workstation against the checkout: size of the bundle and of the .deb, and
the demo's start — process start to first paint, and to live data — of the bundle unpacked
from the .deb (bare environment) beside ``ccw --demo`` from the virtual environment, measured
in the same run (the baseline). Each start uses a fresh profile, so both pay the demo server's
start and a first snapshot.

Usage: .venv/bin/python tests/benchmarks/bench_bundle.py [--runs N] [--deb FILE]
Without --deb it builds one with installer/build.sh into a temporary directory first.
Starts its own Xvfb when there is no DISPLAY. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.display import run_on_display  # noqa: E402
from tests.support import bundle  # noqa: E402


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1e6


def time_start(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Seconds from process start to 'startup first-paint' and to 'startup online'."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, errors="replace")
    first = None
    try:
        for line in proc.stderr:  # type: ignore[union-attr]
            if line.startswith("startup first-paint"):
                first = time.perf_counter() - t0
            elif line.startswith("startup online"):
                assert first is not None
                return first, time.perf_counter() - t0
        raise RuntimeError("ccw exited before it was online")
    finally:
        proc.terminate()
        proc.wait(60)


def run(a: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="ccw-bench-bundle-") as tmp_name:
        tmp = Path(tmp_name)
        if a.deb is None:
            t0 = time.perf_counter()
            _, deb = bundle.build(tmp / "out")
            build_s = time.perf_counter() - t0
        else:
            deb, build_s = a.deb, None
        root = bundle.unpack(deb, tmp / "root")
        program = root / "opt/ccw/ccw"
        results: dict[str, list[tuple[float, float]]] = {"bundle": [], "venv": []}
        for n in range(a.runs):
            for kind in ("venv", "bundle"):  # alternated: the machine's load hits both
                profile = tmp / f"profile-{kind}-{n}"
                if kind == "bundle":
                    cmd = [str(program), "--demo", "--profile", str(profile),
                           "--report-startup"]
                    env = bundle.bare_env(tmp / f"home-{n}")
                else:
                    cmd = [sys.executable, "-m", "desktop.cli", "--demo", "--profile",
                           str(profile), "--report-startup"]
                    env = {**os.environ, "CCW_AUDIO_OUTPUT": "adummy",
                           "CCW_SITE_CONFIG": str(tmp / "no-site.toml")}
                results[kind].append(time_start(cmd, env, tmp))
                print(f"{kind} run {n + 1}: first paint {results[kind][-1][0]:.2f} s, "
                      f"online {results[kind][-1][1]:.2f} s", file=sys.stderr, flush=True)
        figures = {
            kind: {"first_paint_s": round(statistics.median(r[0] for r in runs), 2),
                   "online_s": round(statistics.median(r[1] for r in runs), 2)}
            for kind, runs in results.items()}
        out = {
            "bundle_mb": round(_size_mb(root / "opt/ccw"), 1),
            "deb_mb": round(_size_mb(deb), 1),
            "build_s": round(build_s, 1) if build_s is not None else None,
            "bundle_first_paint_s": figures["bundle"]["first_paint_s"],
            "bundle_online_s": figures["bundle"]["online_s"],
            "baseline_venv_first_paint_s": figures["venv"]["first_paint_s"],
            "baseline_venv_online_s": figures["venv"]["online_s"],
            "ratio_first_paint": round(figures["bundle"]["first_paint_s"]
                                       / figures["venv"]["first_paint_s"], 2),
            "ratio_online": round(figures["bundle"]["online_s"]
                                  / figures["venv"]["online_s"], 2),
            "runs": a.runs,
        }
        print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--deb", type=Path, help="a built .deb (default: build one now)")
    a = ap.parse_args()
    run_on_display("1920x1080x24", lambda: run(a))


if __name__ == "__main__":
    main()
