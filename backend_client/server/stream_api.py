"""The HTTP side of ``--streams``: the per-camera relay (``GET /streams/{id}/{main|sub}.ts``,
outside the API and without auth, like a camera's own URL), the admin endpoints the tests and
the demo's fault menu use, and the cameras' ``streams`` URLs kept in step with the run."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from backend_client.schemas import CameraStreams

from .context import ServerContext, context, session
from .problems import NotFound, Unavailable, ValidationFailed
from .replies import json_reply, parse_json, path_param
from .streams import VARIANTS, StreamService

log = logging.getLogger(__name__)
META_KEY = "camera_streams_set"


def service(request: Request) -> StreamService:
    svc = getattr(request.app.state, "streams", None)
    if svc is None:
        raise NotFound("camera streams are not served by this server (ccw-server --streams)",
                       {"path": request.url.path})
    return svc


def set_camera_urls(ctx: ServerContext, svc: StreamService | None) -> None:
    """Point every camera's ``streams`` at this run's relay (with ``--streams``), or back to
    null when a database that had them is run without streams."""
    hall, store = ctx.hall, ctx.store
    if svc is None and store.get_meta(META_KEY) != "1":
        return
    with hall.changes():
        for camera in list(hall.cameras.values()):
            want = svc.camera_streams(camera.id) if svc else CameraStreams()
            if camera.streams != want:
                hall.put_camera(camera.model_copy(update={"streams": want,
                                                          "version": camera.version + 1}))
        store.set_meta(META_KEY, "1" if svc else "0")


def blocked(ctx: ServerContext, svc: StreamService) -> set[str]:
    """Cameras that serve nothing: made to fail, or offline in the scenario."""
    return set(svc.failed) | {c.id for c in ctx.hall.cameras.values() if c.status != "online"}


async def keep_in_step(ctx: ServerContext, svc: StreamService) -> None:
    """Supervise the stream children (a dead one is started again) and keep the GStreamer
    mounts in step with the cameras' status (the simulator flips it)."""
    while not ctx.hall.closing.is_set():
        if not all(c is None or c.running for c in (svc.vlc, svc.gst)):
            await asyncio.to_thread(svc.supervise)
        svc.sync_gst(blocked(ctx, svc))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(ctx.hall.closing.wait(), 0.5)


async def camera_stream(request: Request) -> Response:
    svc = service(request)
    ctx = context(request)
    cam_id, variant = path_param(request, "id"), path_param(request, "variant")
    camera = ctx.hall.cameras.get(cam_id)
    if camera is None or variant not in VARIANTS:
        raise NotFound(f"no stream {cam_id}/{variant}", {"id": cam_id})
    if camera.status != "online":
        raise NotFound(f"camera {cam_id} is offline", {"id": cam_id})
    if cam_id in svc.failed:
        raise Unavailable(f"camera {cam_id}'s stream has failed", {"id": cam_id})
    relay = svc.relay(cam_id, variant)
    try:
        first = await anext(relay)
    except (StopAsyncIteration, OSError, TimeoutError) as e:
        raise Unavailable(f"camera {cam_id}'s stream is not available", {"id": cam_id}) from e

    async def body() -> AsyncIterator[bytes]:
        try:
            yield first
            async for chunk in relay:
                cam = ctx.hall.cameras.get(cam_id)
                if ctx.hall.closing.is_set() or cam is None or cam.status != "online":
                    break
                yield chunk
        finally:
            await relay.aclose()

    return StreamingResponse(body(), media_type="video/mp2t",
                             headers={"Cache-Control": "no-store"})


async def set_stream_state(request: Request) -> Response:
    """``POST /admin/cameras/{id}/stream {"state": "fail" | "ok"}``."""
    svc = service(request)
    ctx = context(request)
    session(request)  # any logged-in operator (tests, the demo's fault menu)
    camera = ctx.hall.find("camera", path_param(request, "id"))
    body = parse_json(await request.body())
    state = body.get("state") if isinstance(body, dict) else None
    if state not in ("fail", "ok"):
        raise ValidationFailed('state: must be "fail" or "ok"', {"field": "state"})
    svc.set_failed(camera.id, state == "fail")
    svc.sync_gst(blocked(ctx, svc))
    log.info("camera %s stream: %s", camera.id, state)
    return json_reply(stream_state(ctx, svc, camera.id))


def stream_state(ctx: ServerContext, svc: StreamService, cam_id: str) -> dict:
    camera = ctx.hall.cameras[cam_id]
    return {"camera_id": cam_id, "clip": svc.clip_of(cam_id),
            "state": "fail" if cam_id in svc.failed else "ok",
            "serving": camera.status == "online" and cam_id not in svc.failed,
            "urls": svc.urls(cam_id)}


async def list_streams(request: Request) -> Response:
    """``GET /admin/streams``: every camera's stream URLs by transport and its fault state."""
    svc = service(request)
    ctx = context(request)
    session(request)
    return json_reply({"children": svc.pids(),
                       "cameras": [stream_state(ctx, svc, c) for c in sorted(ctx.hall.cameras)]})
