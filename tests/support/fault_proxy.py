"""A fault-injecting HTTP proxy between a workstation and the reference server (loopback only).

Every request is forwarded to ``upstream`` on a connection of its own and answered with
``Connection: close``; on the way the proxy does what ``Faults`` says:

- ``latency`` (+ up to ``jitter``) seconds before a response starts;
- ``drip``: the response body trickles at this many bytes per second;
- ``cut_after``: the connection is dropped after this many bytes of a response body;
- ``refuse()`` / ``accept()``: the listening socket is closed (connection refused) / reopened
  on the same port;
- ``storm``: the next ``count`` requests that match answer ``status`` (e.g. 503 or 429, with
  ``Retry-After``) without reaching the server;
- event streams (``text/event-stream``) are re-framed message by message, so that
  ``sse_stall`` can swallow them without closing the connection (heartbeats included: a
  dead route, not a quiet server), ``sse_cut_every`` closes them after so many seconds,
  ``sse_duplicate`` sends every event twice, and ``sse_reorder`` sends events in reversed
  groups of that many (what buffers hold back is flushed after half a second of quiet).

Bounded: request heads ≤ 64 KiB, bodies ≤ 64 MiB, any one connection ≤ ``max_seconds``;
bound to 127.0.0.1. ``log`` records each request (method, path, status, idempotency key).
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tests.support.loop_thread import LoopThread

HEAD_LIMIT = 64 * 1024
BODY_LIMIT = 64 * 1024 * 1024
DRIP_PIECE = 64  # bytes a drip writes at a time
FLUSH_AFTER_S = 0.5  # a reorder buffer is flushed after this much quiet


@dataclass
class Storm:
    """The next ``count`` requests whose method and path start match get ``status``."""

    status: int = 503
    count: int = 1
    method: str = ""  # "" = any
    path_prefix: str = "/"
    retry_after: float | None = None


@dataclass
class Faults:
    latency: float = 0.0
    jitter: float = 0.0
    drip: float = 0.0  # bytes per second; 0 = at once
    cut_after: int | None = None  # bytes of a response body, then the connection drops
    storm: Storm | None = None
    sse_stall: bool = False
    sse_cut_every: float = 0.0  # seconds; 0 = never
    sse_duplicate: bool = False
    sse_reorder: int = 0  # group size; 0 or 1 = in order


@dataclass
class Logged:
    method: str
    path: str
    status: int
    key: str | None  # Idempotency-Key
    injected: bool  # answered by a storm, not the server
    at: float = field(default_factory=time.monotonic)  # when the request came in
    took: float | None = None  # seconds until the server's response head (None: injected)


@dataclass
class _Response:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: asyncio.StreamReader
    chunked: bool
    length: int | None
    stream: bool = field(default=False)


class FaultProxy:
    def __init__(self, upstream: str, *, max_seconds: float = 600.0) -> None:
        parts = urlsplit(upstream)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the fault proxy only forwards to loopback")
        self.upstream = (parts.hostname, parts.port or 80)
        self.faults = Faults()
        self.max_seconds = max_seconds
        self.log: list[Logged] = []
        self.connections = 0
        self.sse_events_sent = 0
        self.port = 0
        self._server: asyncio.Server | None = None
        self._thread = LoopThread("fault-proxy")

    # --- life and control (from the test's thread) -------------------------------------------

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        self._thread.run(self._listen(0))
        return self

    def __exit__(self, *exc: object) -> None:
        self._thread.run(self._close_listener())
        self._thread.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set(self, **changes: Any) -> None:
        """Change faults (unnamed ones stay as they are)."""
        for name, value in changes.items():
            if not hasattr(self.faults, name):
                raise AttributeError(name)
            setattr(self.faults, name, value)

    def heal(self) -> None:
        """No faults at all (and accept connections)."""
        self.faults = Faults()
        self.accept()

    def refuse(self) -> None:
        """Close the listening socket: new connections are refused."""
        self._thread.run(self._close_listener())

    def accept(self) -> None:
        """Listen again, on the same port."""
        if self._server is None:
            self._thread.run(self._listen(self.port))

    def storms_left(self) -> int:
        storm = self.faults.storm
        return storm.count if storm else 0

    # --- the loop's side ------------------------------------------------------------------------

    async def _listen(self, port: int) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", port,
                                                  limit=HEAD_LIMIT, reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _close_listener(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        upstream_writer: asyncio.StreamWriter | None = None
        try:
            async with asyncio.timeout(self.max_seconds):
                method, target, headers, body = await _read_request(reader)
                path = target.split("?", 1)[0]
                key = _header(headers, "idempotency-key")
                arrived = time.monotonic()
                storm = self._take_storm(method, path)
                if storm is not None:
                    await self._delay()
                    await _send_storm(writer, storm)
                    self.log.append(Logged(method, path, storm.status, key, True, arrived))
                    return
                up_reader, upstream_writer = await asyncio.open_connection(*self.upstream,
                                                                           limit=HEAD_LIMIT)
                _write_request(upstream_writer, method, target, headers, body)
                await upstream_writer.drain()
                response = await _read_response_head(up_reader)
                self.log.append(Logged(method, path, response.status, key, False, arrived,
                                       time.monotonic() - arrived))
                await self._delay()
                if response.stream:
                    await self._relay_events(response, writer)
                else:
                    await self._relay_body(response, writer)
        except (TimeoutError, ConnectionError, asyncio.IncompleteReadError,
                asyncio.LimitOverrunError, ValueError):
            pass  # a dropped or over-long connection ends here; the client sees it closed
        finally:
            for w in (writer, upstream_writer):
                if w is not None:
                    w.close()

    def _take_storm(self, method: str, path: str) -> Storm | None:
        storm = self.faults.storm
        if storm is None or storm.count <= 0:
            return None
        if (storm.method and storm.method != method) or not path.startswith(storm.path_prefix):
            return None
        storm.count -= 1
        return storm

    async def _delay(self) -> None:
        f = self.faults
        wait = f.latency + (random.uniform(0, f.jitter) if f.jitter > 0 else 0.0)
        if wait > 0:
            await asyncio.sleep(wait)

    async def _relay_body(self, response: _Response, writer: asyncio.StreamWriter) -> None:
        body = await _read_body(response)
        head = _head(response, [("Content-Length", str(len(body)))])
        writer.write(head)
        cut = self.faults.cut_after
        data = body if cut is None else body[:cut]
        drip = self.faults.drip
        if drip > 0:
            for i in range(0, len(data), DRIP_PIECE):
                writer.write(data[i:i + DRIP_PIECE])
                await writer.drain()
                await asyncio.sleep(DRIP_PIECE / drip)
        else:
            writer.write(data)
        await writer.drain()
        # With a cut the connection closes here, short of its Content-Length.

    async def _relay_events(self, response: _Response, writer: asyncio.StreamWriter) -> None:
        writer.write(_head(response, [("Transfer-Encoding", "chunked")]))
        await writer.drain()
        started = time.monotonic()
        decoder = _ChunkDecoder(response.body) if response.chunked else None
        pieces: asyncio.Queue[bytes] = asyncio.Queue(maxsize=64)

        async def produce() -> None:
            # Its own task: a read cancelled half way through a chunk would lose the framing.
            try:
                while True:
                    piece = await (decoder.read() if decoder else response.body.read(65536))
                    await pieces.put(piece)
                    if not piece:
                        return
            except (ConnectionError, asyncio.IncompleteReadError, ValueError):
                await pieces.put(b"")

        producer = asyncio.create_task(produce())
        try:
            await self._pump_events(pieces, writer, started)
        finally:
            producer.cancel()

    async def _pump_events(self, pieces: asyncio.Queue[bytes], writer: asyncio.StreamWriter,
                           started: float) -> None:
        pending = b""
        held: list[bytes] = []  # events held back for reordering

        async def send(message: bytes) -> None:
            writer.write(b"%x\r\n%s\r\n" % (len(message), message))
            await writer.drain()
            if message.startswith((b"id:", b"event:", b"data:")) or b"\ndata:" in message:
                self.sse_events_sent += 1

        async def flush() -> None:
            for message in reversed(held):
                await send(message)
            held.clear()

        while True:
            cut_every = self.faults.sse_cut_every
            if cut_every and time.monotonic() - started >= cut_every:
                return
            try:
                piece = await asyncio.wait_for(pieces.get(), FLUSH_AFTER_S)
            except TimeoutError:
                if not self.faults.sse_stall:
                    await flush()
                continue
            if not piece:  # the server ended the stream
                await flush()
                writer.write(b"0\r\n\r\n")
                await writer.drain()
                return
            if self.faults.sse_stall:
                pending = b""
                held.clear()
                continue  # swallowed: the connection stays open and says nothing
            pending += piece.replace(b"\r\n", b"\n")
            *messages, pending = pending.split(b"\n\n")
            for raw in messages:
                message = raw + b"\n\n"
                is_event = not message.startswith(b":")
                times = 2 if is_event and self.faults.sse_duplicate else 1
                group = self.faults.sse_reorder
                for _ in range(times):
                    if is_event and group > 1:
                        held.append(message)
                        if len(held) >= group:
                            await flush()
                    else:
                        await send(message)


# --- HTTP/1.1, just enough ------------------------------------------------------------------


async def _read_request(reader: asyncio.StreamReader
                        ) -> tuple[str, str, list[tuple[str, str]], bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    headers = _parse_headers(lines[1:])
    if _header(headers, "transfer-encoding"):
        raise ValueError("chunked request bodies are not supported")
    length = int(_header(headers, "content-length") or 0)
    if not 0 <= length <= BODY_LIMIT:
        raise ValueError("request body too large")
    body = await reader.readexactly(length) if length else b""
    return method, target, headers, body


def _write_request(writer: asyncio.StreamWriter, method: str, target: str,
                   headers: list[tuple[str, str]], body: bytes) -> None:
    kept = [(k, v) for k, v in headers if k.lower() not in ("connection", "keep-alive")]
    lines = [f"{method} {target} HTTP/1.1", *(f"{k}: {v}" for k, v in kept),
             "Connection: close"]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)


async def _read_response_head(reader: asyncio.StreamReader) -> _Response:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    _version, status, *reason = lines[0].split(" ", 2)
    headers = _parse_headers(lines[1:])
    chunked = "chunked" in (_header(headers, "transfer-encoding") or "").lower()
    length = _header(headers, "content-length")
    stream = "text/event-stream" in (_header(headers, "content-type") or "")
    return _Response(int(status), reason[0] if reason else "", headers, reader, chunked,
                     int(length) if length is not None else None, stream)


async def _read_body(response: _Response) -> bytes:
    if response.chunked:
        decoder, parts = _ChunkDecoder(response.body), []
        while piece := await decoder.read():
            parts.append(piece)
            if sum(map(len, parts)) > BODY_LIMIT:
                raise ValueError("response body too large")
        return b"".join(parts)
    if response.length is not None:
        if response.length > BODY_LIMIT:
            raise ValueError("response body too large")
        return await response.body.readexactly(response.length)
    return await response.body.read(BODY_LIMIT)


def _head(response: _Response, framing: list[tuple[str, str]]) -> bytes:
    kept = [(k, v) for k, v in response.headers
            if k.lower() not in ("content-length", "transfer-encoding", "connection")]
    lines = [f"HTTP/1.1 {response.status} {response.reason}",
             *(f"{k}: {v}" for k, v in [*kept, *framing]), "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def _send_storm(writer: asyncio.StreamWriter, storm: Storm) -> None:
    code = "rate_limited" if storm.status == 429 else "unavailable"
    body = (b'{"error": {"code": "%s", "message": "injected by the fault proxy", '
            b'"details": {}}}' % code.encode())
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    if storm.retry_after is not None:
        headers.append(("Retry-After", f"{storm.retry_after:g}"))
    lines = [f"HTTP/1.1 {storm.status} Injected", *(f"{k}: {v}" for k, v in headers),
             "Connection: close"]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
    await writer.drain()


def _parse_headers(lines: list[str]) -> list[tuple[str, str]]:
    out = []
    for line in lines:
        if ":" in line:
            name, value = line.split(":", 1)
            out.append((name.strip(), value.strip()))
    return out


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    return next((v for k, v in headers if k.lower() == name), None)


class _ChunkDecoder:
    """The data of a chunked body, a chunk at a time (b"" at its end)."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self.reader = reader
        self.done = False

    async def read(self) -> bytes:
        if self.done:
            return b""
        size_line = await self.reader.readuntil(b"\r\n")
        size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            self.done = True
            await self.reader.readuntil(b"\r\n")  # the (empty) trailer
            return b""
        data = await self.reader.readexactly(size)
        await self.reader.readexactly(2)
        return data
