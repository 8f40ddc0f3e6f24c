"""A real workstation (window, panes, cache, outbox) for the crash loop, driven as an officer.

    python -m tests.support.crash_child SERVER_URL PROFILE ROUND SEED

Starts the workstation on PROFILE against the server, logs in as the duty officer and prints
``ready`` once it is online with the hall's alarms. Then, until it is killed, it works: each
turn picks an alarm and acknowledges it, dispatches a unit to it or adds a note — through
the workstation's own ``AlarmActions``, the object the queue's keys, buttons and dialogs call
— every action carrying a note text of its own (``crash ROUND.N``). When the action returns,
the command is durable in the outbox and the queue shows it pending: that is the moment the
officer sees it as queued, and only then is a line printed:

    {"action": "...", "alarm": "...", "text": "crash 3.7", "key": "<idempotency key>"}

The test kills this process with SIGKILL at a random moment and starts it again on the same
profile. With ``--finish`` it instead waits until the outbox is empty, prints ``drained`` and
closes the workstation as an officer's logout would.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import sys
from typing import Any

os.environ.setdefault("CCW_AUDIO_OUTPUT", "adummy")


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def _key_of(ws: Any, text: str) -> str | None:
    session = ws.service.session
    for item in await session.writer.run(session.outbox.recent, 20):
        if text in json.dumps(item.body, ensure_ascii=False):
            return item.idempotency_key
    return None


async def _one_action(ws: Any, rng: random.Random, text: str) -> dict[str, Any] | None:
    from desktop.services.commanding import ActionRefused

    actions = ws.actions
    alarms = [a for a in (actions.alarm(i) for i in sorted(ws.hall.alarms)) if a is not None]
    if not alarms:
        return None
    kind = rng.choice(("acknowledge", "acknowledge", "dispatch", "note", "note"))
    candidates = [a for a in alarms if not actions.why_not(
        {"note": "add_note"}.get(kind, kind), a)]
    if not candidates:
        kind, candidates = "note", [a for a in alarms if not actions.why_not("add_note", a)]
    if not candidates:
        return None
    alarm = rng.choice(candidates)
    try:
        if kind == "acknowledge":
            await actions.acknowledge([alarm.id], note=text)
        elif kind == "dispatch":
            units = sorted(u.id for u in ws.hall.units.values() if u.status == "available")
            if not units:
                return None
            await actions.dispatch(alarm.id, [rng.choice(units)], note=text)
        else:
            await actions.add_note(alarm.id, text)
    except ActionRefused:
        return None
    return {"action": kind, "alarm": alarm.id, "text": text}


async def _work(url: str, profile: str, round_: int, seed: int, finish: bool) -> None:
    from desktop.app import prepare_application
    from desktop.shell.workstation import Options, Workstation

    options = Options(server=url, profile=profile, lang="en")
    prepare_application(options)
    ws = Workstation(options)
    await ws.start()
    await ws.login(url, "duty", "demo")
    while ws.state.connection.status != "online" or not ws.hall.alarms:
        await asyncio.sleep(0.05)
    _say("ready")
    session = ws.service.session
    if finish:
        while await session.writer.run(session.outbox.pending_count):
            await asyncio.sleep(0.1)
        _say("drained")
        await ws.close()
        return
    rng = random.Random(seed)
    n = 0
    while True:
        n += 1
        text = f"crash {round_}.{n}"
        done = await _one_action(ws, rng, text)
        if done is not None:
            done["key"] = await _key_of(ws, text)
            _say(json.dumps(done, ensure_ascii=False))
        await asyncio.sleep(rng.uniform(0.0, 0.08))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("profile")
    ap.add_argument("round", type=int)
    ap.add_argument("seed", type=int)
    ap.add_argument("--finish", action="store_true")
    a = ap.parse_args()
    # Warnings and errors to stderr, which the loop keeps (crash-child.log beside the profile).
    logging.basicConfig(level=logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    with loop:
        loop.run_until_complete(_work(a.url, a.profile, a.round, a.seed, a.finish))


if __name__ == "__main__":
    main()
