"""A small hostile HTTP server on loopback: it answers each path with exactly the bytes a test
scripts — malformed JSON, wrong types, unknown fields and event types, a slow drip, a
connection closed half way through a response.

Raw asyncio sockets, not a web framework, so a test controls every byte and every pause.
Runs in a background thread with its own loop; bounded in time (each reply ends) and bound to
127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.support.loop_thread import LoopThread


@dataclass
class Reply:
    """What to send for one request. ``chunks`` are written in order with ``pause`` seconds
    between them; ``close_early`` drops the connection after the chunks without finishing."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    chunks: list[bytes] = field(default_factory=list)
    pause: float = 0.0
    close_early: bool = False
    chunked: bool = False  # Transfer-Encoding: chunked (streams), else Content-Length
    hold: float = 0.0  # seconds of silence before the reply ends (a stalled server)

    @classmethod
    def json(cls, body: Any, status: int = 200, headers: dict[str, str] | None = None,
             **kw: Any) -> Reply:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        return cls(status=status, headers={"Content-Type": "application/json", **(headers or {})},
                   chunks=[data], **kw)

    @classmethod
    def sse(cls, text: str, *, pause: float = 0.0, hold: float = 0.0, **kw: Any) -> Reply:
        """An event stream: ``text`` sent message by message; ``hold`` seconds of silence
        before the stream ends (a stalled server)."""
        messages = [m + "\n\n" for m in text.split("\n\n") if m.strip()]
        return cls(status=200, headers={"Content-Type": "text/event-stream"},
                   chunks=[m.encode() for m in messages], pause=pause, chunked=True,
                   hold=hold, **kw)


Handler = Callable[[str, str, dict[str, str]], Reply]


class HostileServer:
    """``routes`` maps "METHOD /path" (no query) to a ``Reply`` or a function returning one."""

    def __init__(self, routes: dict[str, Reply | Handler]) -> None:
        self.routes = routes
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._thread = LoopThread("hostile-server")
        self._server: asyncio.Server | None = None
        self.port = 0

    def __enter__(self) -> HostileServer:
        self._thread.start()
        self._thread.run(self._start(), 5)
        return self

    def __exit__(self, *exc: object) -> None:
        self._thread.run(self._stop(), 5)
        self._thread.stop()  # connections still held open by a "stalled" reply are dropped

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _stop(self) -> None:
        if self._server:
            self._server.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                length = int(headers.get("content-length", "0") or 0)
                if length:
                    await reader.readexactly(length)
                path = target.split("?", 1)[0]
                self.requests.append((method, target, headers))
                route = self.routes.get(f"{method} {path}")
                if route is None:
                    reply = Reply.json({"error": {"code": "not_found", "message": path,
                                                  "details": {}}}, status=404)
                else:
                    reply = route(method, target, headers) if callable(route) else route
                if not await self._send(writer, reply):
                    return
        except (asyncio.IncompleteReadError, ConnectionError, TimeoutError,
                asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _send(self, writer: asyncio.StreamWriter, reply: Reply) -> bool:
        head = [f"HTTP/1.1 {reply.status} X"]
        head += [f"{k}: {v}" for k, v in reply.headers.items()]
        body_len = sum(len(c) for c in reply.chunks)
        if reply.chunked:
            head.append("Transfer-Encoding: chunked")
        else:
            head.append(f"Content-Length: {body_len}")
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode())
        await writer.drain()
        for chunk in reply.chunks:
            if reply.pause:
                await asyncio.sleep(reply.pause)
            writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk) if reply.chunked else chunk)
            await writer.drain()
        if reply.close_early:
            return False
        if reply.hold:
            await asyncio.sleep(reply.hold)
        if reply.chunked:
            writer.write(b"0\r\n\r\n")
            await writer.drain()
        return True
