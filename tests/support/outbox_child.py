"""A workstation process for the outbox durability test, driven over stdin/stdout.

    python -m tests.support.outbox_child SERVER_URL PROFILE ALARM_ID N

Logs in and prints ``logged-in``; waits for a line ``go`` on stdin (the test stops the
server meanwhile); queues N notes on the alarm through the session (durable in the outbox
before ``submit`` returns) and prints ``queued`` with their keys; then keeps running, its
flusher retrying against the dead server, until the test kills it with SIGKILL.
"""

from __future__ import annotations

import asyncio
import json
import sys

from backend_client.session import CentralSession


async def main(url: str, profile: str, alarm_id: str, n: int) -> None:
    session = await CentralSession.open(url, profile, workstation="ws-child")
    await session.login("duty", "demo")
    await session.start()
    print("logged-in", flush=True)
    line = await asyncio.to_thread(sys.stdin.readline)
    assert line.strip() == "go", line
    keys = []
    for i in range(n):
        item = await session.command("POST", f"/alarms/{alarm_id}/notes",
                                     {"text": f"note {i:03d}"})
        keys.append(item.idempotency_key)
    print("queued " + json.dumps(keys), flush=True)
    await asyncio.sleep(3600)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
