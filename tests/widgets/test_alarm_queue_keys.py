"""The queue's cached keys: the one-string default key orders exactly like the tuple it
replaces, values follow new alarm objects, and pruning forgets old versions."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.factories import BASE_TIME, make_alarm
from widgets.alarm_queue.columns import Column, default_key
from widgets.alarm_queue.keys import DEFAULT, HAYSTACK, KeyCache, default_order_key

alarms = st.builds(
    lambda i, p, us: make_alarm(id=f"A{i}", priority=p,
                                created_at=BASE_TIME + timedelta(microseconds=us)),
    st.integers(0, 50), st.integers(1, 4), st.integers(-10**12, 10**12))


@given(st.lists(alarms, max_size=30))
def test_default_order_key_orders_like_the_tuple(batch):
    assert sorted(batch, key=default_order_key) == sorted(batch, key=default_key)


def test_values_follow_objects_and_prune_forgets_old_versions():
    keys = KeyCache()
    a1 = make_alarm(id="A1", title="Fire DEPOT", version=1)
    assert keys.values(Column.TITLE, [a1]) == ["fire depot"]
    a2 = a1.model_copy(update={"title": "Gate", "version": 2})
    assert keys.values(Column.TITLE, [a2, a1]) == ["gate", "fire depot"]
    assert "fire depot" in keys.value(HAYSTACK, a1)
    keys.values(DEFAULT, [a1, a2])
    assert keys.size() == 2
    keys.prune([a2])
    assert keys.size() == 1
    assert keys.values(Column.TITLE, [a2]) == ["gate"]


def test_ack_timer_keys_follow_the_targets():
    keys = KeyCache({1: 10.0, 2: 30.0, 3: 60.0, 4: 120.0})
    a = make_alarm(priority=2, state="new")
    before = keys.value(Column.ACK_TIMER, a)
    keys.set_targets({1: 10.0, 2: 90.0, 3: 60.0, 4: 120.0})
    assert keys.value(Column.ACK_TIMER, a)[1] == before[1] + 60.0
