"""The version rule: the newest version wins, nothing is applied twice, moves go by ``at``."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backend_client.events import ServerEvent
from backend_client.ledger import VersionLedger
from tests.factories import BASE_TIME, make_alarm, make_unit, make_watchlist_entry

versions = st.lists(st.tuples(st.sampled_from(["a1", "a2", "a3"]), st.integers(1, 6)),
                    min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(versions, st.lists(st.integers(1, 10), min_size=1, max_size=10))
def test_duplicates_and_reordering_never_go_backwards(seq, cuts):
    ledger = VersionLedger()
    events = [ServerEvent(f"c{i}", "alarm.updated", make_alarm(id=oid, version=v,
                                                                title=f"{oid} v{v}"))
              for i, (oid, v) in enumerate(seq)]
    # Deliver the events in batches of arbitrary sizes, as the stream would.
    batches, i = [], 0
    for cut in cuts * 10:
        if i >= len(events):
            break
        batches.append(events[i:i + cut])
        i += cut
    if i < len(events):
        batches.append(events[i:])
    shown: dict[str, int] = {}
    emitted: list[tuple[str, int]] = []
    for batch in batches:
        cache_batch, changes = ledger.sort(batch)
        assert cache_batch.cursor == batch[-1].cursor
        assert [a.id for a in cache_batch.upserts.get("alarm", [])] == \
            [a.id for a in changes.alarms]
        for alarm in changes.alarms:
            assert alarm.version > shown.get(alarm.id, 0), "an older or equal version was shown"
            assert alarm.title == f"{alarm.id} v{alarm.version}"
            shown[alarm.id] = alarm.version
            emitted.append((alarm.id, alarm.version))
    expected = {}
    for oid, v in seq:
        expected[oid] = max(expected.get(oid, 0), v)
    assert shown == expected
    assert len(emitted) == len(set(emitted)), "a version was applied twice"


def test_unit_moves_newest_at_wins_and_units_keep_the_newest_position():
    ledger = VersionLedger()
    unit = make_unit(id="u1", version=3)
    ledger.reset({"unit": [unit]})
    t = unit.position.at
    from backend_client.schemas import UnitMoved

    def move(sec, lat):
        return ServerEvent("c", "unit.moved", UnitMoved(id="u1", lat=lat, lon=unit.position.lon,
                                                        at=t + timedelta(seconds=sec)))

    batch, changes = ledger.sort([move(10, 30.1), move(5, 30.05), move(10, 30.2)])
    assert [m.lat for m in changes.moves] == [30.1]
    assert [p.lat for p in batch.positions] == [30.1]
    # A unit.updated that carries an older position than the last move keeps the move's.
    old = make_unit(id="u1", version=4, status="busy",
                    position={"lat": 29.0, "lon": 120.0, "at": t + timedelta(seconds=1)})
    _, changes = ledger.sort([ServerEvent("c2", "unit.updated", old)])
    assert changes.units[0].status == "busy"
    assert changes.units[0].position.lat == 30.1
    # An old move after that is dropped.
    _, changes = ledger.sort([move(2, 31.0)])
    assert changes.moves == []


def test_watchlist_removed_and_expired_entries_become_deletions():
    ledger = VersionLedger()
    from backend_client.schemas import WatchlistRemoved

    current = make_watchlist_entry(id="w1", version=1)
    expired = make_watchlist_entry(id="w2", version=1, valid_until=BASE_TIME)
    batch, changes = ledger.sort([
        ServerEvent("c1", "watchlist.upserted", current),
        ServerEvent("c2", "watchlist.upserted", expired),
    ])
    assert [w.id for w in changes.watchlist] == ["w1"]
    assert changes.watchlist_removed == ["w2"]
    assert batch.deletes == {"watchlist": ["w2"]}
    batch, changes = ledger.sort([ServerEvent("c3", "watchlist.removed",
                                              WatchlistRemoved(id="w1", reason="withdrawn"))])
    assert changes.watchlist_removed == ["w1"] and changes.watchlist == []
    # A replay of the old upsert after the removal is not resurrected.
    _, changes = ledger.sort([ServerEvent("c1", "watchlist.upserted", current)])
    assert changes.watchlist == []


def test_unknown_and_malformed_events_only_advance_the_cursor():
    ledger = VersionLedger()
    batch, changes = ledger.sort([ServerEvent("c1", "alarm.teleported", None),
                                  ServerEvent("c2", "alarm.updated", None)])
    assert batch.cursor == "c2"
    assert changes.is_empty()
