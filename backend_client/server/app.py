"""The reference server's Starlette app: every endpoint of the contract under ``/api/v1``,
errors always in the contract's body, and the simulator running beside it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from . import admin, geo, openapi, reading, stream_api
from . import commanding as cmd
from .config import ServerConfig
from .context import ServerContext
from .hall import Hall
from .problems import MethodNotAllowed, NotFound, Problem
from .replies import internal_reply, json_reply, problem_reply
from .simulator import Simulator
from .store import Store
from .streams import StreamService

log = logging.getLogger(__name__)

Endpoint = Callable[[Request], Awaitable[Response]]


def guarded(endpoint: Endpoint) -> Endpoint:
    """Refusals become the contract's error body; anything unexpected is logged with its
    traceback and answered 500 ``internal`` (never a plain-text page)."""
    async def run(request: Request) -> Response:
        try:
            return await endpoint(request)
        except Problem as problem:
            return problem_reply(problem)
        except Exception:
            log.exception("%s %s failed", request.method, request.url.path)
            return internal_reply()
    return run


async def _openapi(request: Request) -> Response:
    return json_reply(openapi.document())


ROUTES: list[tuple[str, Endpoint, str]] = [
    ("/health", reading.health, "GET"),
    ("/openapi.json", _openapi, "GET"),
    ("/auth/login", reading.login, "POST"),
    ("/auth/logout", reading.logout, "POST"),
    ("/snapshot", reading.snapshot, "GET"),
    ("/events", reading.events, "GET"),
    ("/alarms", reading.alarm_history, "GET"),
    ("/alarms", cmd.raise_alarm, "POST"),
    ("/alarms/{id}", reading.get_alarm, "GET"),
    ("/alarms/{id}/acknowledge", cmd.acknowledge, "POST"),
    ("/alarms/{id}/verify", cmd.verify, "POST"),
    ("/alarms/{id}/dispatch", cmd.dispatch, "POST"),
    ("/alarms/{id}/notes", cmd.add_note, "POST"),
    ("/alarms/{id}/close", cmd.close, "POST"),
    ("/units/{id}", reading.get_unit, "GET"),
    ("/units/{id}/status", cmd.unit_status, "POST"),
    ("/cameras/{id}", reading.get_camera, "GET"),
    ("/cameras/{id}/ptz", cmd.ptz, "POST"),
    ("/watchlist/{id}", reading.get_watchlist_entry, "GET"),
    ("/media/{path:path}", reading.get_media, "GET"),
    ("/audit", cmd.audit, "POST"),
    ("/admin/cameras/{id}/stream", stream_api.set_stream_state, "POST"),
    ("/admin/streams", stream_api.list_streams, "GET"),
    ("/admin/notice", admin.post_notice, "POST"),
]


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        allow = (exc.headers or {}).get("Allow", "")
        return problem_reply(MethodNotAllowed(f"{request.method} is not allowed on "
                                              f"{request.url.path}", {"allow": allow}))
    if exc.status_code == 404:
        return problem_reply(NotFound(f"no such endpoint: {request.url.path}",
                                      {"path": request.url.path}))
    code = {400: "bad_request", 401: "unauthorized", 403: "forbidden"}.get(exc.status_code,
                                                                          "http_error")
    return json_reply({"error": {"code": code, "message": str(exc.detail), "details": {}}},
                      exc.status_code)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed outside a handler: %r", request.method, request.url.path, exc)
    return internal_reply()


async def simulate(ctx: ServerContext) -> None:
    """Step the simulator every ``tick`` seconds (``--sim-steps`` times, or for ever)."""
    loop = asyncio.get_running_loop()
    limit, tick, steps = ctx.config.sim_steps, ctx.config.tick, 0
    next_at = loop.time()
    while (limit is None or steps < limit) and not ctx.hall.closing.is_set():
        began = loop.time()
        async with ctx.hall.lock:
            try:
                ctx.simulator.step()
            except Exception:
                log.exception("simulator step %d failed", ctx.simulator.step_no)
        took = loop.time() - began
        if took > tick / 2:
            log.warning("simulator step %d took %.2f s of a %.2f s tick", ctx.simulator.step_no,
                        took, tick)
        steps += 1
        next_at = max(next_at + tick, loop.time())  # behind schedule: do not try to catch up
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(ctx.hall.closing.wait(), next_at - loop.time())
    log.info("simulator stopped after %d steps", steps)


def open_context(config: ServerConfig) -> ServerContext:
    """Open (or create) the database and the world it holds."""
    store = Store(config.db)
    hall = Hall(store, config.keep_events)
    simulator = Simulator(hall, config)
    simulator.build_world_if_empty(
        lambda: geo.load_grids(config.grids or geo.default_grids_file()))
    with hall.changes():
        store.trim_events(config.keep_events)
    log.info("database %s, epoch %s, cursor %s: %d grids, %d units, %d cameras, %d open alarms",
             config.db, store.epoch, hall.cursor(), len(hall.grids), len(hall.units),
             len(hall.cameras), len(hall.alarms))
    return ServerContext(config, store, hall, simulator)


def start_streams(config: ServerConfig, ctx: ServerContext) -> StreamService | None:
    """With ``--streams``: the stream children, and the cameras' URLs pointed at them."""
    svc = None
    if config.streams:
        base = config.public_url or f"http://{config.host}:{config.port}"
        svc = StreamService(base, workdir=Path(config.db).resolve().parent, gst=config.rtsp_tcp)
        try:
            svc.start(list(ctx.hall.cameras))
        except RuntimeError as e:
            # A stream child would not start (no libVLC on this machine, say): the hall and
            # its simulator still run, the cameras just have no pictures.
            svc.stop()
            svc = None
            log.error("camera streams are off: %s", e)
        except BaseException:
            svc.stop()
            raise
    stream_api.set_camera_urls(ctx, svc)
    return svc


def create_app(config: ServerConfig) -> Starlette:
    ctx = open_context(config)
    streams = start_streams(config, ctx)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(simulate(ctx), name="simulator")]
        if streams is not None:
            tasks.append(asyncio.create_task(stream_api.keep_in_step(ctx, streams),
                                             name="streams"))
        try:
            yield
        finally:
            ctx.begin_shutdown()
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            if streams is not None:
                await asyncio.to_thread(streams.stop)
            ctx.store.close()

    routes = [Route(path, guarded(fn), methods=[method]) for path, fn, method in ROUTES]
    app = Starlette(routes=[Mount("/api/v1", routes=routes),
                            Route("/streams/{id}/{variant}.ts",
                                  guarded(stream_api.camera_stream), methods=["GET"])],
                    lifespan=lifespan,
                    exception_handlers={HTTPException: _http_error, Exception: _unexpected})
    app.state.ctx = ctx
    app.state.streams = streams
    return app
