"""The dashboard's words and numbers: periods, durations, captions of the distributions and of
the alarm rate. Pure functions of the figures, so the view, the printed charts and the tests
read the same texts.
"""

from __future__ import annotations

import math
from datetime import datetime

from backend_client.figures import DashboardFigures, Distribution, FloodFigures
from widgets.alarm_queue.columns import format_duration
from widgets.i18n import tr
from widgets.unit_texts import age_text

SEP = "\u00a0\u00b7 "  # captions wrap after a dot, never inside a number and its unit
NBSP = "\u00a0"


def glue(text: str) -> str:
    """``5 h 40 min`` that does not break across lines."""
    return text.replace(" ", NBSP)


def now_text() -> str:
    return tr("now")


def period_text(fig: DashboardFigures) -> str:
    """``last 24 h``: the figures over the period cover [period_start, as_of]."""
    hours = max(1, round((fig.as_of - fig.period_start).total_seconds() / 3600))
    return tr("last {n} h").format(n=hours)


def local_hhmm(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def local_hh(moment: datetime) -> str:
    return moment.astimezone().strftime("%H")


def as_of_text(fig: DashboardFigures) -> str:
    return tr("Offline \u2014 figures as of {t}").format(t=local_hhmm(fig.as_of))


def seconds_text(seconds: float) -> str:
    """``14 s``; a tenth under a minute when it matters (``10.4 s`` is not within ``10 s``);
    whole minutes as such (a target of ``1 min``)."""
    if seconds < 60 and seconds != int(seconds):
        return glue(tr("{s} s").format(s=f"{seconds:.1f}"))
    if 60 <= seconds < 3600 and seconds % 60 == 0:
        return glue(tr("{m} min").format(m=int(seconds) // 60))
    return glue(format_duration(seconds))


def percentile_label(d: Distribution) -> str:
    """``P90 14 s`` (empty without samples)."""
    if d.at_percent is None:
        return ""
    return glue(tr("P{p} {t}").format(p=int(d.percent), t=seconds_text(d.at_percent)))


def target_label(d: Distribution) -> str:
    return glue(tr("target {t}").format(t=seconds_text(d.target_s)))


def within_percent(d: Distribution) -> int | None:
    """Whole percent within the target, rounded down: 89.9 % must not read as a met 90 %."""
    if d.within_target is None:
        return None
    return math.floor(d.within_target * 100.0 + 1e-9)


def no_samples_text() -> str:
    return tr("No alarms in this period")


def distribution_caption(d: Distribution) -> str:
    """``P90 14 s · target 10 s · 73 % within target · n = 120 (+5 not measurable)``; without
    samples only the target and ``n = 0`` (the chart says there were none)."""
    within = within_percent(d)
    parts = [target_label(d)] if within is None else [
        percentile_label(d), target_label(d),
        tr("{pct} % within target").format(pct=within).replace(" %", NBSP + "%", 1)]
    parts.append(glue(tr("n = {n}").format(n=d.count)))
    text = SEP.join(parts)
    if d.unmeasured > 0:
        text += " " + tr("(+{n} not measurable)").format(n=d.unmeasured)
    return text


def cameras_caption(fig: DashboardFigures) -> str:
    """``97 % online`` (nothing when there are no cameras)."""
    total = fig.cameras_online + fig.cameras_offline
    if total == 0:
        return ""
    return tr("{pct} % online").format(pct=math.floor(fig.cameras_online * 100 / total))


def flood_threshold_label(f: FloodFigures) -> str:
    """``flood: > 10 / 10 min`` (ISA-18.2)."""
    return tr("flood: > {n} / {m} min").format(n=f.threshold, m=f.bucket_minutes)


def flood_caption(f: FloodFigures, fig: DashboardFigures) -> str:
    """``now: 4 in the last 10 min · time in flood (24 h): 1 h 20 min``."""
    hours = max(1, round((fig.as_of - fig.period_start).total_seconds() / 3600))
    spent = glue(age_text(f.time_in_flood_s)) if f.time_in_flood_s > 0 else tr("none")
    return SEP.join((tr("now: {n} in the last 10 min").format(n=f.last_10_min),
                     tr("time in flood ({h} h): {t}").format(h=hours, t=spent)))
