"""The Starlette app in-process (no child process, no simulator): the catch-all error body."""

import asyncio
import logging

import httpx

from backend_client.server.app import create_app
from backend_client.server.config import ServerConfig


def call(app, method, path, **kw):
    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            return await c.request(method, path, **kw)
    return asyncio.run(go())


def test_unexpected_failure_is_a_500_error_body(tmp_path, caplog):
    app = create_app(ServerConfig(db=tmp_path / "app.sqlite", sim_steps=0))
    assert call(app, "GET", "/api/v1/health").json() == {"status": "ok"}
    token = call(app, "POST", "/api/v1/auth/login",
                 json={"username": "duty", "password": "demo", "workstation": "t"}
                 ).json()["token"]

    def broken():
        raise RuntimeError("disk on fire")

    app.state.ctx.hall.snapshot = broken
    with caplog.at_level(logging.ERROR):
        r = call(app, "GET", "/api/v1/snapshot", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 500
    assert r.json()["error"]["code"] == "internal"
    assert "disk on fire" not in r.text  # the log has the detail, not the client
    assert "disk on fire" in caplog.text
    app.state.ctx.store.close()
