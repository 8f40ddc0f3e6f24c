"""``HitPictures``: the two pictures a watchlist hit's card shows side by side — the camera's
snapshot and the entry's photo — loaded once per alarm while the card is looked at.

Loading the photo opens the entry's details, so it goes through ``WatchlistAccess`` and is
written to the audit log (once per alarm, "via": "alarm"); a role without watchlist details
gets the snapshot only. The pictures stay in memory and are forgotten when the operator
changes."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtGui import QImage

from backend_client import schemas as s
from desktop.services.watchlist_access import WatchlistAccess, WatchlistRefused

log = logging.getLogger(__name__)

Pictures = tuple[QImage | None, QImage | None]  # (snapshot, photo)


class HitPictures:
    def __init__(self, access: WatchlistAccess | None, loaded: Callable[[str], None]) -> None:
        self._access = access
        self._loaded = loaded  # called with the alarm id once its pictures are in
        self._pictures: dict[str, Pictures] = {}
        self._loading: dict[str, asyncio.Task[None]] = {}

    def get(self, alarm: s.Alarm) -> Pictures:
        """The alarm's pictures as far as loaded; starts loading them the first time."""
        if alarm.kind != "watchlist_hit" or self._access is None:
            return (None, None)
        held = self._pictures.get(alarm.id)
        if held is not None:
            return held
        if alarm.id not in self._loading:
            task = asyncio.get_event_loop().create_task(self._load(self._access, alarm))
            self._loading[alarm.id] = task
            task.add_done_callback(lambda _t, a=alarm.id: self._loading.pop(a, None))
        return (None, None)

    def forget(self) -> None:
        """Another operator: nothing loaded for the last one is shown to them."""
        for task in self._loading.values():
            task.cancel()
        self._loading.clear()
        self._pictures.clear()

    async def _load(self, access: WatchlistAccess, alarm: s.Alarm) -> None:
        snapshot = decode_picture(await access.snapshot(alarm.snapshot_url or ""))
        photo = None
        if alarm.watchlist_id and access.may_see():
            try:
                opened = await access.open_entry(alarm.watchlist_id, via="alarm",
                                                 alarm_id=alarm.id)
                photo = decode_picture(opened.photo)
            except WatchlistRefused as e:
                log.warning("hit %s: the entry's photo is not shown: %s", alarm.id, e.message)
        self._pictures[alarm.id] = (snapshot, photo)
        self._loaded(alarm.id)


def decode_picture(data: bytes | None) -> QImage | None:
    """A picture from the server's bytes; None (logged) when there is none or it is broken."""
    if not data:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        log.warning("a picture from the server could not be decoded (%d bytes)", len(data))
        return None
    return image
