"""``GET /events``: the Server-Sent-Events stream of every change after a cursor.

Events are read from the store in pages (a client far behind catches up without holding the
whole log in memory); a commit wakes every stream; ``: ping`` keeps idle connections alive; the
stream ends at server shutdown and when the client has gone, so uvicorn can stop at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import StreamingResponse

from .hall import Hall

log = logging.getLogger(__name__)

PAGE = 1000
CHECK_DISCONNECT_S = 1.0


def start_seq(hall: Hall, request: Request) -> int:
    """Where the stream starts: ``Last-Event-ID``, else ``?since=``, else now (410 if stale)."""
    cursor = request.headers.get("last-event-id") or request.query_params.get("since")
    return hall.parse_cursor(cursor) if cursor else hall.store.last_seq


async def _frames(hall: Hall, request: Request, seq: int, ping_s: float) -> AsyncIterator[bytes]:
    epoch = hall.store.epoch
    last_ping = time.monotonic()
    yield b": ping\n\n"  # headers and a first byte at once: the client knows it is connected
    while not hall.closing.is_set():
        if seq < hall.store.trimmed_through:
            log.info("event stream ended: the client fell behind the kept log")
            return  # the client reconnects and is told 410
        rows = hall.store.events_after(seq, PAGE)
        if rows:
            seq = rows[-1][0]
            yield "".join(f"id: {epoch}-{s}\nevent: {kind}\ndata: {data}\n\n"
                          for s, kind, data in rows).encode()
        now = time.monotonic()
        if now - last_ping >= ping_s:
            last_ping = now
            yield b": ping\n\n"
        if len(rows) == PAGE:
            continue
        if await request.is_disconnected():
            log.debug("event stream ended: the client left at %s-%d", epoch, seq)
            return
        wait = min(CHECK_DISCONNECT_S, max(0.01, ping_s - (time.monotonic() - last_ping)))
        await hall.wait_for_change(wait)


async def _logged(frames: AsyncIterator[bytes], seq: int) -> AsyncIterator[bytes]:
    # Starlette cancels the generator when the client leaves (ASGI < 2.4): say so in the log.
    log.debug("event stream opened after event %d", seq)
    try:
        async for chunk in frames:
            yield chunk
    finally:
        log.debug("event stream closed")


def event_stream(hall: Hall, request: Request, ping_s: float) -> StreamingResponse:
    seq = start_seq(hall, request)
    return StreamingResponse(_logged(_frames(hall, request, seq, ping_s), seq),
                             media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
