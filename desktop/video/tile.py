"""``VideoTile``: one tile of the video wall — a native video surface driven by a
``StreamLifecycle``, with a bar that always says what the tile shows.

The lifecycle decides (start, stall, retry, give up on an offline camera); this class carries
out its effects on the UI thread: it makes a ``TilePlayer`` per start (and an RTSP relay
where libVLC has no RTSP), releases replaced ones, polls the displayed-picture count twice a
second (libVLC sends no per-frame event) and feeds it back as "frame" events.

The bar sits *above* the picture, not over it: a native video window covers any Qt widget
drawn on top of it. When there is no picture the surface gives way to a card that says why
(connecting, signal lost at …, reconnecting in N s, camera offline, no camera).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backend_client.schemas import Camera
from desktop.state.stream_lifecycle import (
    Effect,
    RestartPolicy,
    StartPlayer,
    StopPlayer,
    StreamLifecycle,
    StreamState,
)
from desktop.video.libvlc import libvlc_problem
from desktop.video.player import PlayerEvents, TilePlayer, instance_args
from desktop.video.rendering import LOW_LATENCY_CACHING_MS, VideoMode
from desktop.video.rtsp_relay import RelayError, RtspRelay, needs_relay
from widgets.colors import CONNECTION_COLORS, NOTICE_COLORS, SECONDARY_TEXT
from widgets.i18n import tr

log = logging.getLogger(__name__)

RETIRE_WORKERS = 4  # players stopped at once on a tour step (each waits on libVLC, not CPU)
TICK_MS = 500  # stall detection and the countdown; a lost signal shows within 3 s
CLOCK_MIN_WIDTH = 320  # px: narrower tiles leave the clock out of their bar
TYPING_TIMEOUT_S = 4.0  # a camera number typed and left unfinished is forgotten
_SPINNER = "\u25d0\u25d3\u25d1\u25d2"  # ◐◓◑◒, one step a tick while connecting


class VideoEngine:
    """The one libVLC instance the wall's players share, made for a ``VideoMode``: software
    decoding and the plain X11 output unless this PC really has a GPU (under Xvfb and on
    GPU-less hall PCs the OpenGL output costs ten times the CPU, platform notes), and the
    caching of the chosen latency."""

    def __init__(self, software: bool = True, caching_ms: int = LOW_LATENCY_CACHING_MS) -> None:
        self.mode = VideoMode(software, caching_ms)
        self.software = software
        self.caching_ms = caching_ms
        # Without libVLC there is no instance: tiles show ``problem`` instead of pictures.
        self.problem = libvlc_problem()
        self.instance: Any = None
        # Replaced players are stopped here, not on the UI thread: a tour step on a 16-tile
        # wall stopped 16 players in one go, 110–120 ms of UI thread (soak.py).
        self._retirer = ThreadPoolExecutor(max_workers=RETIRE_WORKERS,
                                           thread_name_prefix="ccw-player-stop")
        if self.problem is None:
            import vlc

            self.instance = vlc.Instance(instance_args(software))
            if self.instance is None:
                raise RuntimeError("libVLC refused to start with the wall's options")

    @classmethod
    def for_mode(cls, mode: VideoMode) -> VideoEngine:
        return cls(mode.software, mode.caching_ms)

    def retire(self, player: TilePlayer | None, relay: RtspRelay | None,
               done: Callable[[], None]) -> None:
        """Stop and free ``player`` and ``relay`` on a worker thread, then call ``done``
        there (a queued signal's ``emit``: the tile learns it on the UI thread)."""
        def work() -> None:
            try:
                if player is not None:
                    player.release()
                if relay is not None:
                    relay.stop()
            except Exception:  # a player that cannot be stopped must not stop the others
                log.exception("could not release a video player")
            try:
                done()
            except RuntimeError:  # the tile was deleted meanwhile: nobody is waiting
                pass

        try:
            self._retirer.submit(work)
        except RuntimeError:  # the engine is being released: no worker any more
            work()

    def release(self) -> None:
        """Wait for the players being retired, then free libVLC."""
        self._retirer.shutdown(wait=True)
        if self.instance is not None:
            self.instance.release()


class _Surface(QWidget):
    """The native window libVLC draws into; tells when Qt gives it a new one (re-parenting
    a floated or docked pane recreates native windows).

    Made native only when a player first needs it (``winId()``): native child windows are
    moved and resized by the X server on every relayout of the window, and nine idle ones
    cost the flood test 50–60 ms UI stalls."""

    window_changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: black;")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WinIdChange:
            self.window_changed.emit()
        return super().event(event)


# PTZ directions: (pan, tilt, zoom) while a button or key is held; all 0 stops.
PTZ_SPEED = 0.5
_PTZ_BUTTONS = (("\u25c0", (-PTZ_SPEED, 0.0, 0.0)), ("\u25b2", (0.0, PTZ_SPEED, 0.0)),
                ("\u25bc", (0.0, -PTZ_SPEED, 0.0)), ("\u25b6", (PTZ_SPEED, 0.0, 0.0)),
                ("+", (0.0, 0.0, PTZ_SPEED)), ("\u2212", (0.0, 0.0, -PTZ_SPEED)))
_PTZ_KEYS = {Qt.Key.Key_Left: _PTZ_BUTTONS[0][1], Qt.Key.Key_Up: _PTZ_BUTTONS[1][1],
             Qt.Key.Key_Down: _PTZ_BUTTONS[2][1], Qt.Key.Key_Right: _PTZ_BUTTONS[3][1],
             Qt.Key.Key_Plus: _PTZ_BUTTONS[4][1], Qt.Key.Key_Minus: _PTZ_BUTTONS[5][1]}


class VideoTile(QFrame):
    activated = Signal()  # double-click or Enter: focus or restore
    ptz_requested = Signal(str, dict)  # camera id, {"pan","tilt","zoom"} or {"preset": n}
    number_entered = Signal(int)  # the officer typed a camera number and Enter
    menu_requested = Signal(QPoint)  # right-click or the menu key, at this global position

    def __init__(self, engine: VideoEngine, parent: QWidget | None = None, *,
                 policy: RestartPolicy | None = None) -> None:
        """``policy``: the lifecycle's restart policy; None (the product) is the real backoff,
        1 → 8 s. Tests that cycle a stream through many failures inject a fast one: the real
        schedule would make 50 fail/recover cycles take many minutes, and it is unit-tested
        on its own (tests/desktop/test_stream_lifecycle.py)."""
        super().__init__(parent)
        self.setObjectName("videoTile")
        self.setFrameShape(QFrame.Shape.Box)
        self.engine = engine
        self.camera: Camera | None = None
        self.main_stream = False
        self.lifecycle = StreamLifecycle(policy=policy)
        self.events = PlayerEvents(self)
        self.events.event.connect(self._player_event)
        self._player: TilePlayer | None = None
        self._relay: RtspRelay | None = None
        # Replaced players still stopping on the engine's worker; a new one starts only when
        # they are done: libVLC refuses a window another player still draws into ("drawable
        # busy") and would open a window of its own instead.
        self._retiring = 0
        self._waiting: StartPlayer | None = None
        self.events.retired.connect(self._retired)
        self._pictures = 0
        # (time, displayed pictures) over the last seconds: libVLC updates its counters in
        # bursts, so a rate over one half-second tick jumps between 0 and 50.
        self._samples: deque[tuple[float, int]] = deque(maxlen=8)
        self.fps = 0.0
        self._typed = ""  # a camera number being typed on this tile
        self._typed_at = 0.0
        self._notice: tuple[str, float] | None = None  # a short message, until (monotonic)
        self._spin = 0  # the "connecting" badge's spinner

        self._name = QLabel(self)
        self._name.setObjectName("videoTileName")
        self._state = QLabel(self)
        self._state.setObjectName("videoTileState")
        self._clock = QLabel(self)
        self._clock.setObjectName("videoTileClock")
        # A fixed width: the ticking clock must not re-lay-out the bar every second.
        self._clock.setFixedWidth(self._clock.fontMetrics().horizontalAdvance("88:88:88") + 6)
        # A small tile on a 6 × 6 wall is ~150 px wide: the bar's texts may be cut, never
        # widen the tile (a wall screen cannot grow).
        self._name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 1, 4, 1)
        bar.addWidget(self._name, 1)
        # PTZ: press and hold moves, release stops (keys: arrows, + and −, 1–9 presets).
        self._ptz: list[QToolButton] = []
        for glyph, move in _PTZ_BUTTONS:
            button = QToolButton(self)
            button.setText(glyph)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.pressed.connect(lambda m=move: self._ptz_move(*m))
            button.released.connect(lambda: self._ptz_move(0.0, 0.0, 0.0))
            button.hide()
            self._ptz.append(button)
            bar.addWidget(button)
        bar.addWidget(self._state)
        bar.addWidget(self._clock)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.surface = _Surface(self)
        self.surface.window_changed.connect(self._rebind)
        self._card = QLabel(self)
        self._card.setObjectName("videoTileCard")
        self._card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._card.setWordWrap(True)
        self._card.setStyleSheet(f"color: {SECONDARY_TEXT}; background: #0d0f12;")
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.surface)
        self._stack.addWidget(self._card)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self._stack, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._show_view()

    # --- what the wall asks ----------------------------------------------------------------

    def set_camera(self, camera: Camera | None, main_stream: bool = False) -> None:
        """Show this camera (its main stream when the tile is large/focused), or nothing."""
        same = (camera is not None and self.camera is not None and camera.id == self.camera.id
                and main_stream == self.main_stream and self._url_of(camera) == self.lifecycle.url)
        self.camera, self.main_stream = camera, main_stream
        if camera is None:
            self._apply(self.lifecycle.stop())
        elif not same:
            self._apply(self.lifecycle.stop())
            # Tell the lifecycle whether this camera is offline before it starts it.
            self._apply(self.lifecycle.camera_offline() if camera.status == "offline"
                        else self.lifecycle.camera_online())
            self._apply(self.lifecycle.start(self._url_of(camera)))
        self._show_view()

    def camera_changed(self, camera: Camera | None) -> None:
        """The server's camera (status) changed: offline stops retries, online resumes."""
        if camera is None or self.camera is None or camera.id != self.camera.id:
            return
        self.camera = camera
        self._apply(self.lifecycle.camera_offline() if camera.status == "offline"
                    else self.lifecycle.camera_online())

    def stop(self) -> None:
        """Stop the stream and release the player (the tile stays)."""
        self._apply(self.lifecycle.stop())
        self._timer.stop()

    def view_label(self) -> str:
        return self.lifecycle.view().label

    def displayed_pictures(self) -> int:
        return self._player.displayed_pictures() if self._player is not None else 0

    def mouseDoubleClickEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.activated.emit()
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        alt = modifiers == Qt.KeyboardModifier.AltModifier
        digit = int(key) - int(Qt.Key.Key_0) if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 else None
        if alt and digit and self._has_ptz():
            # Alt+1..9: the camera's presets (Ctrl+1..9 switch the shell's layouts).
            self._ptz_send({"preset": digit})
        elif digit is not None and modifiers == Qt.KeyboardModifier.NoModifier:
            # Digits type a camera number for this tile, Enter puts that camera here (a
            # CCTV keyboard's "number, CAM"): faster than the tree for a known camera.
            if len(self._typed) < 6:
                self._typed += str(digit)
            self._typed_at = time.monotonic()
            self._show_view()
        elif self._typed and key == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            self._typed_at = time.monotonic()
            self._show_view()
        elif self._typed and key == Qt.Key.Key_Escape:
            self._typed = ""
            self._show_view()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._typed:
                number, self._typed = int(self._typed), ""
                self._show_view()
                self.number_entered.emit(number)
            else:
                self.activated.emit()
        elif self._has_ptz() and key in _PTZ_KEYS:
            if not event.isAutoRepeat():
                self._ptz_move(*_PTZ_KEYS[key])
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self._has_ptz() and Qt.Key(event.key()) in _PTZ_KEYS and not event.isAutoRepeat():
            self._ptz_move(0.0, 0.0, 0.0)
        else:
            super().keyReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.menu_requested.emit(event.globalPos())

    def typed_number(self) -> str:
        return self._typed

    def tell(self, text: str, seconds: float = 4.0) -> None:
        """A short message in the tile's bar ("No camera 123"), then its state again."""
        self._notice = (text, time.monotonic() + seconds)
        self._show_view()

    def snapshot(self, path: str) -> bool:
        """Write the picture shown now, at the stream's own size, to ``path`` (PNG) — by
        libVLC from the decoded picture, so a window over the tile does not end up in it.
        False when there is no picture."""
        player = self._player
        if (player is None or self.lifecycle.state is not StreamState.PLAYING
                or player.displayed_pictures() == 0):
            return False  # libVLC has no video output to take it from yet
        return player.snapshot(path)

    def set_engine(self, engine: VideoEngine) -> None:
        """Play through another engine (the rendering or latency setting changed): the
        stream starts again with it."""
        self._apply(self.lifecycle.stop())
        self.engine = engine
        camera, self.camera = self.camera, None
        if camera is not None:
            self.set_camera(camera, self.main_stream)

    # --- PTZ -----------------------------------------------------------------------------------

    def _has_ptz(self) -> bool:
        return self.camera is not None and self.camera.ptz

    def _show_ptz(self) -> None:
        # Only on the tile the officer is working with: on every PTZ tile the arrows would
        # crowd out the camera's name and state.
        visible = self._has_ptz() and self.hasFocus()
        for button in self._ptz:
            button.setVisible(visible)

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self._show_ptz()

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self._show_ptz()

    def _ptz_move(self, pan: float, tilt: float, zoom: float) -> None:
        self._ptz_send({"pan": pan, "tilt": tilt, "zoom": zoom})

    def _ptz_send(self, body: dict[str, Any]) -> None:
        if self.camera is not None and self.camera.ptz:
            self.ptz_requested.emit(self.camera.id, body)

    # --- the lifecycle's effects ---------------------------------------------------------------

    def _url_of(self, camera: Camera) -> str | None:
        streams = camera.streams
        return (streams.main or streams.sub) if self.main_stream else (streams.sub
                                                                        or streams.main)

    def _apply(self, effects: list[Effect]) -> None:
        for effect in effects:
            if isinstance(effect, StopPlayer):
                self._release_player()
            elif isinstance(effect, StartPlayer):
                self._start_player(effect)
            # ScheduleRetry: the half-second tick calls the lifecycle when it falls due.
        self._show_view()

    def _start_player(self, effect: StartPlayer) -> None:
        self._release_player()
        if self._retiring:
            self._waiting = effect  # started by _retired
            return
        if self.engine.instance is None:  # no libVLC: the card says so (_show_view)
            return
        url = effect.url
        if needs_relay(url):
            self._relay = RtspRelay(url)
            try:
                url = self._relay.start()
            except RelayError as e:
                log.error("camera %s: %s", self.camera.id if self.camera else "?", e)
                self._relay = None
                self._apply(self.lifecycle.on_event(effect.generation, "error"))
                return
        self._player = TilePlayer(self.engine.instance, self.events, effect.generation)
        self._player.set_window(int(self.surface.winId()))
        self._player.play(url, self.engine.caching_ms)
        self._pictures = 0
        self._samples.clear()

    def _release_player(self) -> None:
        self._waiting = None  # a stop, or another start: the one waiting is not wanted
        player, self._player = self._player, None
        relay, self._relay = self._relay, None
        self.fps = 0.0
        if player is None and relay is None:
            return
        if player is not None:
            player.detach()  # its late events must not reach the lifecycle
        self._retiring += 1
        self.engine.retire(player, relay, self.events.retired.emit)

    def _retired(self) -> None:
        self._retiring -= 1
        if not self._retiring and self._waiting is not None:
            effect, self._waiting = self._waiting, None
            self._start_player(effect)
            self._show_view()

    def _rebind(self) -> None:
        if self._player is not None:
            self._player.set_window(int(self.surface.winId()))

    # --- events and time -------------------------------------------------------------------------

    def _player_event(self, generation: int, kind: str) -> None:
        self._apply(self.lifecycle.on_event(generation, kind))

    def _tick(self) -> None:
        player = self._player
        relay = self._relay
        if player is not None and relay is not None and not relay.running():
            # The RTSP source dropped the relay: libVLC, reading the relay's loopback UDP,
            # would only see packets stop (2.5 s to "signal lost", 5 s to a restart).
            log.warning("camera %s: the RTSP relay ended; restarting the stream",
                        self.camera.id if self.camera else "?")
            self._apply(self.lifecycle.on_event(player.generation, "error"))
            player = self._player
        if player is not None:
            count = player.displayed_pictures()
            now = time.monotonic()
            self._samples.append((now, count))
            first_t, first_count = self._samples[0]
            if now - first_t >= 1.0:
                self.fps = (count - first_count) / (now - first_t)
            if count > self._pictures:
                self._pictures = count
                self._apply(self.lifecycle.on_event(player.generation, "frame"))
        now = time.monotonic()
        if self._typed and now - self._typed_at > TYPING_TIMEOUT_S:
            self._typed = ""
        if self._notice is not None and now > self._notice[1]:
            self._notice = None
        self._spin += 1
        self._apply(self.lifecycle.tick())  # and shows the view

    def _set(self, label: QLabel, text: str, style: str | None = None) -> None:
        """Change a label only when its text or style really changes: a style sheet set
        twice a second on every tile re-polishes and re-lays-out the whole wall (a 64 ms UI
        stall in the flood test)."""
        if label.text() != text:
            label.setText(text)
        if style is not None and label.styleSheet() != style:
            label.setStyleSheet(style)

    def _show_view(self) -> None:
        view = self.lifecycle.view()
        camera = self.camera
        self._set(self._name, camera.name if camera else tr("No camera"))
        self._show_ptz()
        self._set(self._clock, datetime.now().strftime("%H:%M:%S"))
        lost = view.lost_at.astimezone().strftime("%H:%M:%S") if view.lost_at else ""
        texts = {
            "idle": tr("No camera: drag one here"),
            # A retry after a loss still says when the picture went (not a fresh "connecting").
            "connecting": (tr("Signal lost at {t} · reconnecting…").format(t=lost) if lost
                           else tr("Connecting…")),
            "live": tr("live"),
            "signal_lost": tr("SIGNAL LOST {t}").format(t=lost),
            "reconnecting": tr("Signal lost at {t} · reconnecting in {n} s").format(
                t=lost, n=int(view.retry_in + 0.999) if view.retry_in is not None else 0),
            "failed": tr("No stream for this camera"),
            "offline": tr("Camera offline"),
            "stopped": tr("No camera: drag one here"),
        }
        text = texts[view.label]
        # Short: on a 3 × 3 wall a tile is ~200 px wide and the camera's name comes first.
        # The figure is what was really drawn in the last seconds.
        badges = {"live": tr("live {n} fps").format(n=round(self.fps)),
                  # The frozen last picture stays, with the time it froze.
                  "signal_lost": tr("SIGNAL LOST {t}").format(t=lost),
                  "reconnecting": tr("signal lost"),
                  "offline": tr("offline"), "failed": tr("no stream"),
                  "connecting": tr("connecting")}
        badge = badges.get(view.label, "")
        if view.label == "connecting":
            badge = f"{_SPINNER[self._spin % len(_SPINNER)]} {badge}"
        if self._typed:  # what the officer is typing wins over the state
            badge = tr("Camera number: {n}_ · Enter").format(n=self._typed)
        elif self._notice is not None:
            badge = self._notice[0]
        if view.label == "live":
            swatch = CONNECTION_COLORS["online"]
        elif view.label in ("signal_lost", "reconnecting", "offline", "failed"):
            swatch = NOTICE_COLORS["critical"]
        else:
            swatch = CONNECTION_COLORS["connecting"]
        self._set(self._state, f" {badge} " if badge else "",
                  f"background: {swatch.background}; color: {swatch.text};" if badge else "")
        if self._state.toolTip() != text:
            self._state.setToolTip(text)
        # A first start shows the (black) surface it will draw into; a retry after a loss
        # shows the card saying so rather than a black tile.
        picture = view.state in (StreamState.PLAYING, StreamState.STALLED) or (
            view.state is StreamState.STARTING and view.lost_at is None)
        if self.engine.problem is not None and camera is not None:
            picture, text = False, self.engine.problem
            self._set(self._state, f" {tr('no video')} ",
                      f"background: {NOTICE_COLORS['critical'].background}; "
                      f"color: {NOTICE_COLORS['critical'].text};")
        self._set(self._card, text if not picture else "")
        page = self.surface if picture else self._card
        if self._stack.currentWidget() is not page:
            self._stack.setCurrentWidget(page)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # A narrow tile gives the clock's room to the camera's name (the status bar has the
        # time); only on a change, so a relayout is not triggered from here.
        wide = self.width() >= CLOCK_MIN_WIDTH
        if self._clock.isVisibleTo(self) != wide:
            self._clock.setVisible(wide)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.stop()
        super().closeEvent(event)

