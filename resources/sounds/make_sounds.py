"""Make the alarm queue's priority sounds: ``alarm-p1.wav`` … ``alarm-p4.wav`` beside this file.

    python resources/sounds/make_sounds.py [OUTPUT_DIR]

Tones are synthesised with the standard library only (no sample of unknown licence in the
product), and the output is deterministic: running the script again gives the same bytes, so
the committed files can always be rebuilt and compared. 16-bit mono PCM at 22050 Hz.

The priorities must be told apart by ear without looking: P1 is a loud hi-lo two-tone (the
pattern people know from sirens), P2 two firm beeps, P3 one softer beep, P4 a quiet chime.
Loudness falls with priority, so a P4 during a night shift does not startle the hall.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Callable, Iterable
from pathlib import Path

RATE = 22050
FULL_SCALE = 32767
# Short fades at every tone's start and end: a tone that starts or stops mid-wave clicks.
EDGE_S = 0.006

Partial = tuple[float, float]  # (frequency in Hz, relative amplitude)


def tone(seconds: float, partials: Iterable[Partial], level: float,
         envelope: Callable[[float], float] | None = None) -> list[float]:
    """Samples (-1..1) of a sum of sine partials, with click-free edges."""
    partials = list(partials)
    n = round(seconds * RATE)
    edge = max(1, round(EDGE_S * RATE))
    norm = sum(a for _, a in partials) or 1.0
    out: list[float] = []
    for i in range(n):
        t = i / RATE
        value = sum(a * math.sin(2 * math.pi * f * t) for f, a in partials) / norm
        gain = min(1.0, i / edge, (n - 1 - i) / edge)
        if envelope is not None:
            gain *= envelope(t)
        out.append(level * gain * value)
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def p1() -> list[float]:
    # Hi-lo two-tone, four 0.2 s halves: urgent and unmistakable (~0.8 s).
    hi = tone(0.2, [(988.0, 1.0), (1976.0, 0.25)], 0.85)
    lo = tone(0.2, [(740.0, 1.0), (1480.0, 0.25)], 0.85)
    return hi + lo + hi + lo


def p2() -> list[float]:
    # Two firm beeps (~0.5 s).
    beep = tone(0.2, [(880.0, 1.0), (1760.0, 0.2)], 0.6)
    return beep + silence(0.1) + beep


def p3() -> list[float]:
    # One softer, lower beep (~0.3 s) with a gentle decay.
    return tone(0.3, [(660.0, 1.0)], 0.4, envelope=lambda t: math.exp(-t * 3.0))


def p4() -> list[float]:
    # A single soft chime (~0.25 s): a bell-like pair of partials dying away quickly.
    return tone(0.25, [(1046.5, 1.0), (2093.0, 0.3), (3139.5, 0.1)], 0.3,
                envelope=lambda t: math.exp(-t * 12.0))


SOUNDS: dict[int, Callable[[], list[float]]] = {1: p1, 2: p2, 3: p3, 4: p4}


def write_wav(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * FULL_SCALE))
                      for s in samples)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    for priority, make in SOUNDS.items():
        path = out / f"alarm-p{priority}.wav"
        samples = make()
        write_wav(path, samples)
        print(f"{path}: {len(samples) / RATE:.2f} s, {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
