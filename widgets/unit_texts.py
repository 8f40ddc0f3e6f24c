"""Words and numbers for units, shared by every view of them (unit picker, unit board): the
kind and status labels and the short texts of distances, ETAs and position ages.

Source strings are English and looked up under the empty context when asked for, so the
language may change at run time (``widgets.i18n``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from widgets.i18n import tr

NO_VALUE = "\u2014"

_UNIT_KIND_LABELS: dict[str, str] = {
    "patrol_car": QT_TR_NOOP("Patrol car"),
    "foot": QT_TR_NOOP("Foot patrol"),
    "motorcycle": QT_TR_NOOP("Motorcycle"),
    "special": QT_TR_NOOP("Special unit"),
    "traffic": QT_TR_NOOP("Traffic unit"),
    "ambulance": QT_TR_NOOP("Ambulance"),
    "fire": QT_TR_NOOP("Fire engine"),
}
_UNIT_STATUS_LABELS: dict[str, str] = {
    "available": QT_TR_NOOP("Available"),
    "dispatched": QT_TR_NOOP("Dispatched"),
    "en_route": QT_TR_NOOP("En route"),
    "on_scene": QT_TR_NOOP("On scene"),
    "busy": QT_TR_NOOP("Busy"),
    "out_of_service": QT_TR_NOOP("Out of service"),
    "off_duty": QT_TR_NOOP("Off duty"),
}


def unit_kind_label(kind: str) -> str:
    return tr(_UNIT_KIND_LABELS.get(kind, kind))


def unit_status_label(status: str) -> str:
    return tr(_UNIT_STATUS_LABELS.get(status, status))


def distance_text(metres: float | None) -> str:
    """``850 m`` below a kilometre (to 10 m: a straight line is no more precise than that),
    ``3.2 km`` above, ``140 km`` from 100 km."""
    if metres is None:
        return NO_VALUE
    rounded = round(metres / 10) * 10
    if rounded < 10:
        return tr("< 10 m")
    if rounded < 1000:
        return tr("{m} m").format(m=rounded)
    km = metres / 1000
    if km < 99.95:
        return tr("{km} km").format(km=f"{km:.1f}")
    return tr("{km} km").format(km=f"{km:.0f}")


def eta_text(seconds: float | None) -> str:
    """``~4 min``, ``< 1 min``, ``~1 h 05 min``: a nominal-speed guess, so whole minutes."""
    if seconds is None:
        return NO_VALUE
    if seconds < 60:
        return tr("< 1 min")
    minutes = round(seconds / 60)
    if minutes < 60:
        return tr("~{m} min").format(m=minutes)
    return tr("~{h} h {m:02d} min").format(h=minutes // 60, m=minutes % 60)


def age_text(seconds: float) -> str:
    """``40 s``, ``6 min``, ``2 h 10 min``, ``3 d``."""
    s = max(0, int(seconds))
    if s < 60:
        return tr("{s} s").format(s=s)
    if s < 3600:
        return tr("{m} min").format(m=s // 60)
    if s < 86400:
        return tr("{h} h {m:02d} min").format(h=s // 3600, m=s % 3600 // 60)
    return tr("{d} d").format(d=s // 86400)


def position_text(age_s: float | None, stale: bool) -> str:
    """``30 s ago``; ``position 6 min old`` when stale; ``no position`` without one."""
    if age_s is None:
        return tr("no position")
    if stale:
        return tr("position {t} old").format(t=age_text(age_s))
    return tr("{t} ago").format(t=age_text(age_s))
