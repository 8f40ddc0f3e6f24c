"""The officer's settings dialog: language, large text, sounds and volume, idle lock.

It edits a ``UserSettings`` and gives back a new one; saving and applying (theme, language,
idle watcher) are the shell's job. What the site configuration locks is shown but cannot be
changed (the widget is disabled and says why). GUI thread only.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import IDLE_LOCK_RANGE, SettingsProblem, UserSettings
from desktop.site_config import PROBLEM, SiteConfig


def problem_text(problem: SettingsProblem) -> str:
    """The officer's sentence for a settings file that could not be used."""
    text = QCoreApplication.translate(
        "SettingsDialog",
        "Your saved settings could not be read, so the standard settings are in use.")
    if problem.moved_to is not None:
        text += " " + QCoreApplication.translate(
            "SettingsDialog", "The old file was kept as {name}.").format(
                name=problem.moved_to.name)
    return text


def site_problem_text(site: SiteConfig) -> str:
    """The officer's sentence for a site configuration that could not be used."""
    return QCoreApplication.translate("", PROBLEM).format(path=site.source)


def site_lock_tooltip(site: SiteConfig) -> str:
    """The tooltip of a setting the site configuration locks."""
    return QCoreApplication.translate(
        "SettingsDialog", "Set by the site configuration ({path})").format(path=site.source)


class SettingsDialog(QDialog):
    """Edits ``settings``; after ``exec()`` returns Accepted, ``result_settings()`` is the new
    value. ``site_exempt``: the site exempts this position from the idle lock, so the officer
    cannot set it (the dialog says why). ``site``: the site configuration; the settings it
    locks are shown disabled with a tooltip naming the file, and keep the site's values."""

    def __init__(self, settings: UserSettings, *, site_exempt: bool = False,
                 site: SiteConfig | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = settings
        self._site = site if site is not None else SiteConfig()
        site_exempt = site_exempt or self._site.idle_lock_exempt
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("SettingsDialog")

        self.language = QComboBox(self)
        # Each language is named in itself, so an officer who cannot read the current one
        # still finds their own.
        for code, name in (("system", self.tr("Same as the system")),
                           ("zh_CN", "中文（简体）"), ("en", "English")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        self.large_text = QCheckBox(self.tr("Large text (for wall screens and projection)"), self)
        self.large_text.setChecked(settings.large_text)

        self.sounds = QCheckBox(self.tr("Play alarm and notice sounds"), self)
        self.sounds.setChecked(settings.sounds)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setValue(settings.sound_volume)
        self.volume.setAccessibleName(self.tr("Sound volume"))
        self.volume_value = QLabel(self)
        self.volume_value.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %") + 4)
        self.volume.valueChanged.connect(self._show_volume)
        self.sounds.toggled.connect(self._enable_volume)
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_value)

        self.idle_lock = QSpinBox(self)
        self.idle_lock.setRange(*IDLE_LOCK_RANGE)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setValue(min(max(settings.idle_lock_minutes, IDLE_LOCK_RANGE[0]),
                                    IDLE_LOCK_RANGE[1]))
        self.idle_note = QLabel(self)
        self.idle_note.setWordWrap(True)
        self.idle_note.setProperty("role", "dim")
        self._site_exempt = site_exempt
        if site_exempt:
            self.idle_lock.setEnabled(False)
            self.idle_note.setText(self.tr(
                "This position is exempt from the idle lock by site policy: the screen does "
                "not lock by itself. Lock it with Ctrl+L when you leave."))
        else:
            self.idle_note.setText(self.tr(
                "The screen locks after this many minutes without keyboard or mouse input. "
                "Alarms still sound while it is locked."))

        # The alarm workflow's targets (the hall's standards; a site may tighten them).
        self.ack_targets: list[QSpinBox] = []
        targets_row = QHBoxLayout()
        for priority, seconds in zip((1, 2, 3, 4), settings.ack_target_seconds, strict=True):
            box = QSpinBox(self)
            box.setRange(1, 3600)
            box.setValue(seconds)
            box.setPrefix(f"P{priority} ")
            box.setSuffix(self.tr(" s"))
            box.setAccessibleName(self.tr("Seconds to acknowledge a P{p} alarm").format(
                p=priority))
            self.ack_targets.append(box)
            targets_row.addWidget(box)
        self.repeat_window = QSpinBox(self)
        self.repeat_window.setRange(0, 120)
        self.repeat_window.setSuffix(self.tr(" min"))
        self.repeat_window.setSpecialValueText(self.tr("never group"))
        self.repeat_window.setValue(settings.repeat_window_minutes)
        self.flood_threshold = QSpinBox(self)
        self.flood_threshold.setRange(1, 10_000)
        self.flood_threshold.setSuffix(self.tr(" new alarms in 10 min"))
        self.flood_threshold.setValue(settings.flood_threshold)
        self.speed = QSpinBox(self)
        self.speed.setRange(5, 200)
        self.speed.setSuffix(self.tr(" km/h"))
        self.speed.setValue(settings.nominal_speed_kmh)
        self.p1_wall = QCheckBox(self.tr("Put a new P1 alarm's cameras on the video wall"), self)
        self.p1_wall.setChecked(settings.p1_cameras_on_wall)
        self.video_latency = QComboBox(self)
        self.video_latency.addItem(self.tr("Low latency (desks that steer cameras)"), "low")
        self.video_latency.addItem(self.tr("Smooth, 1.5 s behind (wall screens)"), "smooth")
        self.video_latency.setCurrentIndex(max(0, self.video_latency.findData(
            settings.video_latency)))
        self.video_rendering = QComboBox(self)
        self.video_rendering.addItem(self.tr("Automatic (by the graphics card found)"), "auto")
        self.video_rendering.addItem(self.tr("Software (no graphics card)"), "software")
        self.video_rendering.addItem(self.tr("Hardware (graphics card)"), "hardware")
        self.video_rendering.setCurrentIndex(max(0, self.video_rendering.findData(
            settings.video_rendering)))
        # Unit positions: ageing, stale and lost after (map and unit board).
        freshness_row, self.freshness = self._boxes(
            (self.tr("ageing after"), self.tr("stale after"), self.tr("lost after")),
            settings.position_freshness_seconds, 86_400, self.tr(" s"))
        # The unit board's status timers, in minutes as the hall speaks of them.
        timers_row, self.unit_timers = self._boxes(
            (self.tr("dispatched, en route within"), self.tr("en route, on scene within"),
             self.tr("welfare check every")),
            tuple(max(1, round(s / 60)) for s in settings.unit_status_target_seconds), 1440,
            self.tr(" min"))
        self.basemap = QLineEdit(settings.map_basemap, self)
        self.basemap.setPlaceholderText(self.tr("https://tiles.hall.local/{z}/{x}/{y}.png or a "
                                                ".mbtiles file; empty: no basemap"))
        self.basemap.setClearButtonEnabled(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.large_text)
        form.addRow("", self.sounds)
        form.addRow(self.tr("Volume:"), volume_row)
        form.addRow(self.tr("Lock the screen after:"), self.idle_lock)
        form.addRow("", self.idle_note)
        form.addRow(self.tr("Acknowledge within:"), targets_row)
        form.addRow(self.tr("Group repeats within:"), self.repeat_window)
        form.addRow(self.tr("Alarm flood above:"), self.flood_threshold)
        form.addRow(self.tr("ETA assumes:"), self.speed)
        form.addRow("", self.p1_wall)
        form.addRow(self.tr("Video:"), self.video_latency)
        form.addRow(self.tr("Video decoding:"), self.video_rendering)
        form.addRow(self.tr("Positions:"), freshness_row)
        form.addRow(self.tr("Unit timers:"), timers_row)
        form.addRow(self.tr("Map tiles:"), self.basemap)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_volume(self.volume.value())
        self._enable_volume(self.sounds.isChecked())
        self._lock_site_settings()
        self.setMinimumWidth(460)

    def site_widgets(self) -> dict[str, list[QWidget]]:
        """The widgets that edit each ``UserSettings`` field (fields without one are only in
        the settings file)."""
        return {
            "language": [self.language],
            "large_text": [self.large_text],
            "sounds": [self.sounds],
            "sound_volume": [self.volume, self.volume_value],
            "idle_lock_minutes": [self.idle_lock],
            "ack_target_seconds": list(self.ack_targets),
            "repeat_window_minutes": [self.repeat_window],
            "flood_threshold": [self.flood_threshold],
            "nominal_speed_kmh": [self.speed],
            "p1_cameras_on_wall": [self.p1_wall],
            "video_latency": [self.video_latency],
            "video_rendering": [self.video_rendering],
            "position_freshness_seconds": list(self.freshness),
            "unit_status_target_seconds": list(self.unit_timers),
            "map_basemap": [self.basemap],
        }

    def _lock_site_settings(self) -> None:
        if not self._site.locked:
            return
        tip = site_lock_tooltip(self._site)
        for name, widgets in self.site_widgets().items():
            if name in self._site.locked:
                for widget in widgets:
                    widget.setEnabled(False)
                    widget.setToolTip(tip)

    def result_settings(self) -> UserSettings:
        """The settings as edited (the original unchanged if the dialog was cancelled)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return self._original
        return self.edited_settings()

    def edited_settings(self) -> UserSettings:
        """The settings as the dialog shows them now, whether or not OK was pressed. What the
        site locks keeps the site's value."""
        edited = replace(
            self._original,
            language=self.language.currentData(),
            large_text=self.large_text.isChecked(),
            sounds=self.sounds.isChecked(),
            sound_volume=self.volume.value(),
            # An exempt position keeps what was saved; the site's policy decides, not this.
            idle_lock_minutes=(self._original.idle_lock_minutes if self._site_exempt
                               else self._idle_lock_minutes()),
            ack_target_seconds=tuple(b.value() for b in self.ack_targets),  # type: ignore[arg-type]
            repeat_window_minutes=self.repeat_window.value(),
            flood_threshold=self.flood_threshold.value(),
            nominal_speed_kmh=self.speed.value(),
            p1_cameras_on_wall=self.p1_wall.isChecked(),
            video_latency=self.video_latency.currentData(),
            video_rendering=self.video_rendering.currentData(),
            map_basemap=self.basemap.text().strip(),
            position_freshness_seconds=self._freshness(),
            unit_status_target_seconds=self._unit_timers(),
        )
        locked = {name: self._site.defaults[name] for name in self._site.locked
                  if name in self._site.defaults}
        return replace(edited, **locked) if locked else edited

    def _idle_lock_minutes(self) -> int:
        """The box's minutes; a saved value outside the box's range (a site's 0 = never, or
        more than the officer may choose) stays as it is unless the box was changed."""
        saved = self._original.idle_lock_minutes
        shown = min(max(saved, IDLE_LOCK_RANGE[0]), IDLE_LOCK_RANGE[1])
        return saved if self.idle_lock.value() == shown else self.idle_lock.value()

    def _boxes(self, labels: tuple[str, ...], values: tuple[int, ...], most: int,
               suffix: str) -> tuple[QHBoxLayout, list[QSpinBox]]:
        """A row of labelled number boxes (1 … ``most``)."""
        row = QHBoxLayout()
        boxes = []
        for label, value in zip(labels, values, strict=True):
            box = QSpinBox(self)
            box.setRange(1, most)
            box.setValue(value)
            box.setSuffix(suffix)
            box.setAccessibleName(label)
            row.addWidget(QLabel(label, self))
            row.addWidget(box)
            boxes.append(box)
        return row, boxes

    def _unit_timers(self) -> tuple[int, int, int]:
        """The unit board's targets in seconds. A saved target that is no whole number of
        minutes (a site's 90 s) stays as it is unless its box was changed."""
        saved = self._original.unit_status_target_seconds
        return tuple(s if box.value() == max(1, round(s / 60)) else box.value() * 60
                     for s, box in zip(saved, self.unit_timers, strict=True))  # type: ignore[return-value]

    def _freshness(self) -> tuple[int, int, int]:
        """The three thresholds as edited, if they grow (ageing < stale < lost); else the
        saved ones (a position cannot turn lost before it turns stale)."""
        values = tuple(box.value() for box in self.freshness)
        if values[0] < values[1] < values[2]:
            return values  # type: ignore[return-value]
        return self._original.position_freshness_seconds

    def _show_volume(self, value: int) -> None:
        self.volume_value.setText(self.tr("{n} %").format(n=value))

    def _enable_volume(self, on: bool) -> None:
        on = on and not self._site.is_locked("sound_volume")
        self.volume.setEnabled(on)
        self.volume_value.setEnabled(on)
