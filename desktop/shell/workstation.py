"""``Workstation``: one running workstation — window, state, central service, demo server.

Start-up order serves "first paint before the network": the window shows at once with an
empty, labelled state; the cache fills it (read on the writer thread); then the demo server
starts (on a worker thread) or the log-in dialog asks; only then the network. Every wait is an
``await`` on the qasync loop, never a blocking call on the UI thread.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Coroutine
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from backend_client import schemas as s
from backend_client.errors import CentralError
from backend_client.profile import config_dir, profile_dir
from backend_client.server.process import ServerProcess, ServerStartError
from backend_client.sqlite_files import StorageUnavailable
from desktop.panes.dashboard_feed import DashboardFeed
from desktop.services.alarm_actions import AlarmActions
from desktop.services.central import CentralService
from desktop.services.ptz import PtzControl
from desktop.services.stream_faults import StreamFaults
from desktop.services.unit_actions import UnitActions
from desktop.services.watchlist_access import WatchlistAccess
from desktop.settings import UserSettings
from desktop.shell.alarm_sound_player import SoundPlayer
from desktop.shell.alarm_sounds import AlarmSoundController
from desktop.shell.disk_notice import DiskNotice, unusable_profile_text
from desktop.shell.gc_pacer import GcPacer
from desktop.shell.hall_screens import HallScreens
from desktop.shell.i18n import tr
from desktop.shell.login import LoginDialog
from desktop.shell.main_window import MainWindow
from desktop.shell.pane_context import PaneContext
from desktop.shell.preferences import Preferences, SessionGuard
from desktop.site_config import load_site_config, same_server
from desktop.state.flood import FloodMeter
from desktop.state.hall import HallState
from desktop.state.pending import PendingCommands
from desktop.state.pending_units import PendingUnitStatus
from desktop.state.selection import Selection
from desktop.state.session import SessionState
from desktop.state.shelves import Shelves
from desktop.state.wall_link import WallLink
from widgets.command_palette import CommandRegistry

log = logging.getLogger(__name__)

DEMO_USER, DEMO_PASSWORD = "duty", "demo"
HISTORY_PAGES = 10  # at most 5,000 closed alarms from the server for the history view



@dataclass
class Options:
    server: str | None = None
    demo: bool = False
    profile: str | None = None
    layout: str | None = None
    lang: str | None = None
    screens: int | None = None
    user: str | None = None
    debug: bool = False
    report_startup: bool = False  # benchmarks: print when the cached state has been painted
    site_config: str | None = None  # the site configuration's path (default: desktop.site_config)
    demo_args: tuple[str, ...] = ("--alarm-rate", "0.3", "--streams")


class Workstation:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.profile: Path = profile_dir(options.profile)
        self.config: Path = config_dir(options.profile)
        self.hall = HallState()
        self.state = SessionState()
        # The hall's site configuration, once: defaults and locks under the officer's settings,
        # the server, and whether this position is exempt from the idle lock.
        self.site = load_site_config(options.site_config)
        # Settings first: the panes are built with them (targets, windows, speeds).
        self.preferences = Preferences(self.config, self.state, site=self.site)
        self.command_line_server = self._command_line_server()
        self.selection = Selection()
        self.pending = PendingCommands()
        self.shelves = Shelves(self.config)
        settings = self.preferences.settings
        self.flood = FloodMeter(threshold=settings.flood_threshold)
        self.actions = AlarmActions(self.hall, self.state, self.pending, lambda: self.service)
        self.unit_pending = PendingUnitStatus()
        self.unit_actions = UnitActions(self.hall, self.state, self.unit_pending, self.actions,
                                        lambda: self.service)
        self.ptz = PtzControl(lambda: self.service, self.state)
        self.hall.subscribe(lambda _c: self.flood.arrived(len(self.hall.new_alarm_ids)))
        self.commands = CommandRegistry()  # Ctrl+K; the main window takes it over
        self.wall_link = WallLink()
        self.hall.subscribe(self._p1_cameras_to_wall)
        ctx = PaneContext(self.hall, self.state, self.selection, self.pending, self.shelves,
                          self.flood, self.actions, self._audit,
                          lambda: self.preferences.settings, self.commands,
                          self._alarm_history, wall=self.wall_link, ptz=self.ptz.send,
                          config=self.config, snapshots=self.profile / "snapshots",
                          tiles=self.profile / "map-tiles",
                          stream_fault=(StreamFaults(lambda: self.service).set
                                        if options.demo else None),
                          units=self.unit_actions, unit_pending=self.unit_pending,
                          watchlist=WatchlistAccess(lambda: self.service, self.hall,
                                                    self.state),
                          exports=self.profile / "exports",
                          alarm_facts=self._alarm_facts, report_alarms=self._report_alarms)
        # One feed of dashboard figures for the dashboard and the big screen.
        self.kpis = DashboardFeed(ctx)
        ctx = replace(ctx, kpis=self.kpis)
        self.window = MainWindow(self.hall, self.state, ctx)
        self.window.login_requested.connect(self.ask_login)
        self.window.closing.connect(self._window_closed)
        self.screens = HallScreens(self.window, self.state, self.config / "layouts",
                                   options.screens)
        self.preferences.setParent(self.window)
        self.preferences.window = self.window
        self.preferences.changed.append(self._settings_changed)
        self._start_sounds(settings)
        self.gc_pacer = GcPacer(self.hall, self.window)
        self.window.settings_requested.connect(self.preferences.edit)
        self.guard = SessionGuard(
            lambda: [self.window, *self.screens.extra.windows()], self.window, self.state,
            lambda pw: self.service is not None and self.service.verify_password(pw),
            self.preferences.settings.idle_lock_minutes, site_exempt=self.site.idle_lock_exempt)
        self.window.lock_requested.connect(self.guard.lock)
        self.state.subscribe(self._session_changed)
        self.service: CentralService | None = None
        self.disk_notice = DiskNotice(self.state)
        self.demo_server: ServerProcess | None = None
        self.closed = asyncio.Event()
        self.login_dialog: LoginDialog | None = None
        self._tasks: set[asyncio.Task[object]] = set()
        self._closing = False
        if options.report_startup:
            self.state.subscribe(self._report_online)

    def _server_locked(self) -> bool:
        """The site fixes the server (the demo brings its own)."""
        return self.site.server_locked and not self.options.demo

    def _command_line_server(self) -> str | None:
        """``--server``, unless the site locks the server to another one: then the site's
        (the officer is told, and it is logged)."""
        given = self.options.server
        site_url = self.site.server_url
        if not given or not self._server_locked() or site_url is None:
            return given
        if not same_server(given, site_url):
            log.warning("--server ignored: the site configuration %s locks the server to %s",
                        self.site.source, site_url)
            self.state.tell("warning", tr(
                "The site configuration sets the server to {url}; the server given on the "
                "command line is not used.").format(url=site_url))
            return site_url
        return given

    def _start_sounds(self, settings: UserSettings) -> None:
        # CCW_AUDIO_OUTPUT names libVLC's audio output (e.g. "adummy" on a position without
        # speakers, and in the test suite); empty: libVLC chooses.
        output = os.environ.get("CCW_AUDIO_OUTPUT", "").strip()
        self.sound_player = SoundPlayer([f"--aout={output}"] if output else [],
                                        volume=settings.sound_volume)
        self.sounds = AlarmSoundController(self.hall, self.sound_player, enabled=settings.sounds,
                                           volume=settings.sound_volume,
                                           effective=self.pending.effective, parent=self.window)
        self.pending.subscribe(self.sounds.recount)
        mute = self.window.status.mute
        mute.set_sounds_enabled(settings.sounds)
        mute.mute_requested.connect(self.sounds.mute)
        mute.unmute_requested.connect(self.sounds.unmute)
        self.sounds.mute_changed.connect(mute.set_muted_until)
        self.sounds.p1_waiting_changed.connect(mute.set_p1_waiting)
        self.sounds.problem_changed.connect(
            lambda text: self.state.tell("warning", tr(text)) if text else None)

    def _p1_cameras_to_wall(self, _changes: object) -> None:
        """The setting "a new P1 alarm's cameras go on the wall" (off by default: a hall
        decides whether the wall may be taken over)."""
        if not self.preferences.settings.p1_cameras_on_wall:
            return
        for alarm_id in self.hall.new_alarm_ids:
            alarm = self.hall.alarms.get(alarm_id)
            if alarm is not None and alarm.priority == 1 and alarm.camera_ids:
                self.wall_link.show_alarm(alarm, self.hall.cameras)

    def _settings_changed(self, new: UserSettings) -> None:
        self.guard.set_idle_minutes(new.idle_lock_minutes)
        self.flood.threshold = new.flood_threshold
        self.sounds.apply_settings(new.sounds, new.sound_volume)
        self.kpis.apply_settings(new)
        self.window.status.mute.set_sounds_enabled(new.sounds)
        for widget in self.window.pane_widgets.values():
            apply = getattr(widget, "apply_settings", None)
            if apply is not None:
                apply(new)

    async def _audit(self, action: str, object_type: str, object_id: str | None,
                     details: dict[str, Any]) -> None:
        """Write an audit record (locally first, then shipped); refused without a session."""
        if self.service is None:
            raise RuntimeError("no central session: the audit log is not open")
        await self.service.audit(action, object_type, object_id, details)

    async def _alarm_facts(self, since: datetime) -> list[tuple[Any, ...]]:
        """The dashboard's facts from the local cache, read on a worker thread."""
        if self.service is None:
            return []
        return await asyncio.to_thread(self.service.session.cache.alarm_facts, since)

    async def _report_alarms(self, start: datetime, end: datetime
                             ) -> list[tuple[s.Alarm, datetime | None]]:
        if self.service is None:
            return []
        return await asyncio.to_thread(self.service.session.cache.alarms_between, start, end)

    async def _alarm_history(self, since: datetime) -> list[s.Alarm]:
        """Alarms closed since ``since``: what this workstation's cache kept, completed from
        the server's history endpoint when it answers (offline: the cache alone)."""
        if self.service is None:
            return []
        session = self.service.session
        found: dict[str, s.Alarm] = {}

        def keep(alarms: list[s.Alarm]) -> None:
            for a in alarms:
                if a.state == "closed" and (a.closed_at or a.updated_at) >= since and (
                        a.id not in found or a.version > found[a.id].version):
                    found[a.id] = a

        keep(await session.writer.run(session.cache.alarms, "closed"))
        page: str | None = None
        try:
            for _ in range(HISTORY_PAGES):
                items, page = await session.api.alarm_history(state="closed", since=since,
                                                              limit=500, page=page)
                keep(items)
                if not page:
                    break
        except CentralError as e:
            log.warning("alarm history from the server unavailable (%r); cache only", e)
        return sorted(found.values(), key=lambda a: a.closed_at or a.updated_at, reverse=True)

    def _session_changed(self, what: str) -> None:
        # A 401: ask for the password again; the sync and the outbox wait, nothing is lost.
        if what == "connection" and self.state.connection.status == "session_expired":
            self.ask_login(tr("Your session has expired. Log in again — nothing you did is "
                              "lost; queued commands wait."))

    def _report_online(self, what: str) -> None:
        if what == "connection" and self.state.connection.status == "online":
            server = self.service.session.api.base_url if self.service else ""
            print(f"startup online server={server}", file=sys.stderr, flush=True)

    # --- start and stop ---------------------------------------------------------------------

    async def start(self) -> None:
        self.screens.open_initial(self.options.layout, None)
        if self.options.layout is None:
            # Panes that remember their own last state (the video wall) take it back: a
            # restart must not cost the officer what was on screen.
            for widget in self.window.pane_widgets.values():
                resume = getattr(widget, "resume_last_state", None)
                if resume is not None:
                    resume()
        self.window.show()  # first paint: before any disk or network
        self.screens.raise_extra_windows()  # a wall window restored with the layout stays on top
        await asyncio.sleep(0)
        url = self.command_line_server
        if self.options.demo:
            url = await self._start_demo_server()
            if url is None:
                return
        if url is None:
            self.ask_login()
            return
        if self.options.demo:
            await self.login(url, self.options.user or DEMO_USER, DEMO_PASSWORD)
            return
        try:
            await self._open_service(url)  # the cached picture while the officer logs in
        except CentralError:
            pass  # the banner says why; the log-in dialog will say it again
        self.ask_login()

    async def _start_demo_server(self) -> str | None:
        try:
            self.demo_server = await asyncio.to_thread(
                ServerProcess, *self.options.demo_args, db=self.profile / "demo-server.sqlite",
                workdir=self.profile / "demo-server")
        except ServerStartError as e:
            log.error("demo server did not start: %s", e)
            self.state.tell("critical", tr(
                "The demo server did not start. See the log for details."))
            return None
        return self.demo_server.url

    async def _open_service(self, url: str) -> None:
        if self.service is not None:
            if self.service.session.api.base_url.startswith(url.rstrip("/")):
                return
            await self.service.close()
            self.service = None
        try:
            self.service = await CentralService.open(url, str(self.profile), self.hall,
                                                     self.state, pending=self.pending,
                                                     unit_pending=self.unit_pending)
        except StorageUnavailable as e:
            # A read-only or full profile at start: no outbox, so no session — said plainly,
            # and the window stays up (a log-in later tries again).
            log.error("cannot open the profile's files: %s", e)
            text = unusable_profile_text(self.profile, e)
            shown = self.state.critical_notice()
            if shown is None or shown.text != text:
                self.state.tell("critical", text)
            raise CentralError(text, detail=str(e)) from e
        self.service.session.disk.on_change(self.disk_notice.changed)
        await self.service.show_cached()
        if self.options.report_startup:
            self.window.repaint()  # the cached state, on screen now
            print(f"startup first-paint units={len(self.hall.units)}", file=sys.stderr,
                  flush=True)

    async def close(self) -> None:
        """Stop the sync, close the files, stop the demo server, delete the windows. Queued
        commands stay queued. Closing twice does nothing."""
        if self._closing:
            return
        self._closing = True
        for task in list(self._tasks):
            task.cancel()
        if self.service is not None:
            await self.service.close()
            self.service = None
        if self.demo_server is not None:
            await asyncio.to_thread(self.demo_server.close)
            self.demo_server = None
        for widget in self.window.pane_widgets.values():
            shutdown = getattr(widget, "shutdown", None)
            if shutdown is not None:
                shutdown()  # panes with players or threads stop them while they exist
        self.guard.close()
        self.sounds.close()
        self.gc_pacer.close()
        await asyncio.to_thread(self.sound_player.close)
        self.screens.extra.close_all()
        if self.login_dialog is not None:
            self.login_dialog.close()
        if self.window.isVisible():
            self.window.close()
        # Qt deletes the window and its docks in its own order now — left to Python's garbage
        # collector, QtAds' widgets were deleted out of order and crashed later event handling.
        self.window.deleteLater()

    def _window_closed(self) -> None:
        self.closed.set()

    # --- log-in -----------------------------------------------------------------------------

    def ask_login(self, reason: str = "") -> None:
        if self.login_dialog is not None and self.login_dialog.isVisible():
            self.login_dialog.raise_()
            return
        operator = self.state.operator
        prefs = self.preferences.settings
        # --server (unless the site locks another), the demo's, the site's, the last one used.
        server = (self.command_line_server or (self.demo_server.url if self.demo_server else "")
                  or self.site.server_url or prefs.last_server or "")
        if self.service is not None:
            server = self.service.session.api.base_url.removesuffix("/api/v1")
        user = operator.id if operator else (self.options.user or prefs.last_user or "")
        locked = self._server_locked()
        dialog = LoginDialog(server, user, remember=prefs.remember_server, reason=reason,
                             server_editable=operator is None,
                             server_locked_by=self.site.source if locked else None,
                             parent=self.window)
        dialog.submitted.connect(
            lambda srv, user, pw, remember: self._spawn(
                self.login(srv, user, pw, dialog, remember)))
        self.login_dialog = dialog
        dialog.open()

    async def login(self, server: str, user: str, password: str,
                    dialog: LoginDialog | None = None, remember: bool | None = None) -> None:
        """Log in (from the dialog, or directly for the demo and tests) and go live."""
        try:
            await self._open_service(server)
            assert self.service is not None
            await self.service.login(user, password)
        except CentralError as e:
            log.warning("log-in as %s failed: %r (%s)", user, e, e.detail)
            if dialog is not None:
                dialog.show_error(str(e))
            else:
                self.ask_login(str(e))
            return
        if self.login_dialog is not None:
            self.login_dialog.accept()
        if remember is not None:  # never the password: only where and who
            self.preferences.remember_login(server, user, remember)
        self.window.apply_roles()
        self.screens.layouts.role = self.state.roles[0] if self.state.roles else None
        await self.service.start()  # once; a later log-in (after a 401) resumes the same

    def _spawn(self, coro: Coroutine[object, object, object]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

