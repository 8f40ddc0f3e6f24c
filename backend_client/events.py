"""Reading the server's event stream (``GET /events``, Server-Sent Events) for one connection.

Reconnecting, resuming and batching belong to the sync engine; this module turns one open
stream into ``ServerEvent`` values and watches its heartbeat: the server sends ``: ping`` at
least every 15 s, so ``watchdog`` seconds without a single byte means the connection is dead even
if TCP has not noticed (a NAT that dropped it, a stalled proxy).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
from httpx_sse._decoders import SSEDecoder, SSELineDecoder
from pydantic import ValidationError

from backend_client import schemas as s
from backend_client.errors import ServerUnreachable

PARSE_SLICE_S = 0.008  # parse at most this long before letting the event loop run

log = logging.getLogger(__name__)


class StreamStalled(ServerUnreachable):
    """No byte, not even a heartbeat, for longer than the watchdog allows."""

    officer_message = "The live connection to the central server went silent; reconnecting."


@dataclass(slots=True)
class ServerEvent:
    """One event. ``data`` is ``None`` for an unknown type or a malformed payload: such an
    event is skipped, but its cursor still counts, so it is not fetched again and again."""

    cursor: str
    type: str
    data: s.Model | None


class EventParser:
    """SSE messages → ``ServerEvent``. Each unknown type, and each kind of malformed payload
    per type, is logged once: a server that sends thousands of them must not flood the log."""

    def __init__(self) -> None:
        self._logged: set[tuple[str, str]] = set()
        self.skipped = 0

    def _log_once(self, event_type: str, what: str, detail: str) -> None:
        if (event_type, what) not in self._logged:
            self._logged.add((event_type, what))
            log.warning("event stream: skipped %s event %r: %s (logged once)",
                        what, event_type, detail)

    def parse(self, cursor: str, event_type: str, data: str) -> ServerEvent:
        model = s.EVENT_MODELS.get(event_type)
        if model is None:
            self.skipped += 1
            self._log_once(event_type, "unknown", "type not in contract v1")
            return ServerEvent(cursor, event_type, None)
        try:
            obj = model.model_validate_json(data)
        except ValidationError as e:
            self.skipped += 1
            detail = s.describe_error(e)
            kind = "not JSON" if any(er["type"] == "json_invalid" for er in e.errors()) \
                else "invalid"
            self._log_once(event_type, kind, f"{detail} — data: {data[:120]!r}")
            return ServerEvent(cursor, event_type, None)
        return ServerEvent(cursor, event_type, obj)


class SseReader:
    """Feeds text chunks through the SSE line and field decoders; ``on_event`` is called for
    every complete message that has data (heartbeats and blank lines give nothing)."""

    def __init__(self, parser: EventParser, on_event: Callable[[ServerEvent], None]) -> None:
        self._lines = SSELineDecoder()
        self._sse = SSEDecoder()
        self._parser = parser
        self._on_event = on_event

    def feed(self, text: str) -> None:
        for event in self.events(text):
            self._on_event(event)

    def events(self, text: str) -> Iterator[ServerEvent]:
        """The complete messages of ``text`` (with what earlier chunks left), parsed one at a
        time, so a caller can pause between them."""
        decode = self._sse.decode
        for line in self._lines.decode(text):
            sse = decode(line)
            # The decoder keeps the last id across messages, so a blank line after a ping
            # yields an empty message with the old id: ignore anything without data.
            if sse is None or not sse.data:
                continue
            yield self._parser.parse(sse.id, sse.event or "message", sse.data)

    @property
    def on_event(self) -> Callable[[ServerEvent], None]:
        return self._on_event


async def read_stream(response_text_chunks: object, reader: SseReader, watchdog: float) -> None:
    """Read an open stream until it ends; raises ``StreamStalled`` after ``watchdog`` seconds of
    silence. ``response_text_chunks`` is ``response.aiter_text()``."""
    loop = asyncio.get_running_loop()
    on_event = reader.on_event
    try:
        async with asyncio.timeout(watchdog) as deadline:
            async for chunk in response_text_chunks:  # type: ignore[attr-defined]
                deadline.reschedule(loop.time() + watchdog)
                # A chunk can hold hundreds of events (a flood, a catch-up after a
                # reconnect); parsing them all at once would freeze the UI thread this runs
                # on. Let the loop breathe every few milliseconds of parsing.
                started = loop.time()
                for event in reader.events(chunk):
                    on_event(event)
                    if loop.time() - started > PARSE_SLICE_S:
                        await asyncio.sleep(0)
                        started = loop.time()
    except TimeoutError as e:
        raise StreamStalled(detail=f"no byte for {watchdog:.0f} s") from e
    except httpx.TransportError as e:
        # Cut mid-message: the server died or restarted, a proxy dropped the connection.
        # A lost stream like any other (the sync resumes from its cursor), not a bug.
        raise ServerUnreachable(detail=f"GET /events: stream cut: {type(e).__name__}: {e}"
                                ) from e


def encode_event(cursor: str, event_type: str, data: object) -> str:
    """One SSE message as the contract writes it (used by the reference server and tests)."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False,
                                                            separators=(",", ":"))
    return f"id: {cursor}\nevent: {event_type}\ndata: {payload}\n\n"
