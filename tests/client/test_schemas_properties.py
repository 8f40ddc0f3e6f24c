"""Property tests of the contract schemas (backend_client/schemas.py, central-api.md v1):
round trips, unknown fields, hostile input, field-naming errors, protected keys and times."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import get_args

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from backend_client import schemas as s

SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
FEW = settings(SETTINGS, max_examples=12)  # for the tests parametrized per field

# --- strategies for valid contract objects (as the decoded JSON a server sends) ------------------
ids = st.text(min_size=1, max_size=20)
text = st.text(max_size=20)
naive_times = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1))
times = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1),
                     timezones=st.just(UTC))
lats, lons = st.floats(min_value=-90, max_value=90), st.floats(min_value=-180, max_value=180)
finite = st.floats(allow_nan=False, allow_infinity=False)
versions = st.integers(min_value=0, max_value=2**40)


def opt(strategy):
    return st.none() | strategy


def obj(required, **optional):
    return st.fixed_dictionaries(required, optional=optional)


def one_of(literal):
    return st.sampled_from(get_args(literal))


position = obj({"lat": lats, "lon": lons, "at": times}, heading=opt(finite), speed=opt(finite))
ring = st.lists(st.tuples(lons, lats).map(list), min_size=3, max_size=5).map(
    lambda r: [*r, list(r[0])])  # a closed linear ring of >= 4 positions
polygon = st.lists(ring, min_size=1, max_size=2)
geometry = (obj({"type": st.just("Polygon"), "coordinates": polygon})
            | obj({"type": st.just("MultiPolygon"),
                   "coordinates": st.lists(polygon, min_size=1, max_size=2)}))
RAW = {
    s.Alarm: obj(
        {"id": ids, "version": versions, "kind": st.sampled_from(s.ALARM_KINDS),
         "priority": one_of(s.Priority), "title": text,
         "source": obj({"type": one_of(s.SourceType)}, id=opt(ids), name=opt(text)),
         "location": obj({"lat": lats, "lon": lons}, address=opt(text)),
         "state": st.sampled_from(s.ALARM_STATES), "created_at": times, "updated_at": times},
        description=text, grid_id=opt(ids), camera_ids=st.lists(ids, max_size=3),
        disposition=opt(st.sampled_from(s.DISPOSITIONS)), acknowledged_at=opt(times),
        acknowledged_by=opt(ids), closed_at=opt(times), assigned_unit_ids=st.lists(ids, max_size=3),
        notes=st.lists(obj({"at": times, "by": ids, "text": text}), max_size=2),
        watchlist_id=opt(ids), match_confidence=opt(st.floats(0, 1)), snapshot_url=opt(text),
        verified=opt(st.booleans())),
    s.Unit: obj(
        {"id": ids, "version": versions, "callsign": text, "kind": st.sampled_from(s.UNIT_KINDS),
         "status": st.sampled_from(s.UNIT_STATUSES), "status_since": times},
        alarm_id=opt(ids), home_grid_id=opt(ids), position=opt(position),
        members=st.lists(text, max_size=3), radio_channel=opt(text)),
    s.UnitMoved: obj({"id": ids, "lat": lats, "lon": lons, "at": times},
                     heading=opt(finite), speed=opt(finite)),
    s.Camera: obj(
        {"id": ids, "version": versions, "name": text, "location": obj({"lat": lats, "lon": lons}),
         "status": one_of(s.CameraStatus)},
        grid_id=opt(ids), streams=obj({}, main=opt(text), sub=opt(text)), ptz=st.booleans(),
        groups=st.lists(text, max_size=3)),
    s.Grid: obj(
        {"type": st.just("Feature"), "geometry": geometry,
         "properties": obj({"id": ids, "name": text, "version": versions},
                           station=opt(text), duty_unit_ids=st.lists(ids, max_size=3))}),
    s.WatchlistEntry: obj(
        {"id": ids, "version": versions, "category": st.sampled_from(s.WATCHLIST_CATEGORIES),
         "name": text, "legal_basis": st.text(min_size=1, max_size=20).filter(str.strip),
         "issued_by": text, "valid_until": times, "created_at": times, "updated_at": times},
        aliases=st.lists(text, max_size=3), sex=opt(st.sampled_from("fmx")),
        birth_year=opt(st.integers(1880, 2200)), description=text,
        vehicle=opt(obj({}, plate=opt(text), description=opt(text))), handling=text,
        photo_url=opt(text)),
    s.WatchlistRemoved: obj({"id": ids}, reason=st.sampled_from(["expired", "withdrawn"])),
    s.Notice: obj({"level": one_of(s.NoticeLevel), "text": text, "at": times}),
}
MODELS = sorted({*s.OBJECT_MODELS.values(), *s.EVENT_MODELS.values()}, key=lambda m: m.__name__)
TIME_FIELDS = {s.Alarm: ["created_at", "updated_at"], s.Unit: ["status_since"],
               s.UnitMoved: ["at"], s.Notice: ["at"],
               s.WatchlistEntry: ["valid_until", "created_at", "updated_at"]}
ALL_FIELDS = {name for v in vars(s).values()
              if isinstance(v, type) and issubclass(v, s.Model) for name in v.model_fields}


def json_of(leaves, max_leaves):
    def nest(c):
        return st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6), c, max_size=3)
    return st.recursive(leaves, nest, max_leaves=max_leaves)


json_leaves = st.none() | st.booleans() | st.integers() | finite | st.text(max_size=10)
json_values = json_of(json_leaves, 12)
any_json = json_of(json_leaves | st.floats(), 20)  # with NaN and infinities, as json.loads gives
extra_keys = st.dictionaries(st.text(max_size=12).filter(lambda k: k not in ALL_FIELDS),
                             json_values, max_size=4)


def per_model(test):
    """A property test run for each contract model, drawing from ``data``."""
    return pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)(
        SETTINGS(given(data=st.data())(test)))


def to_json(raw):
    return json.dumps(raw, default=s.format_time)


def times_in(py, js):
    """The JSON values of every datetime in a model_dump(), walking dump and JSON together."""
    if isinstance(py, datetime):
        return [js]
    if isinstance(py, dict):
        return [t for k in py for t in times_in(py[k], js[k])]
    if isinstance(py, list):
        return [t for a, b in zip(py, js, strict=True) for t in times_in(a, b)]
    return []


def test_every_contract_model_has_a_strategy():
    assert set(MODELS) == set(RAW)


# --- 1. round trip -------------------------------------------------------------------------------
@per_model
def test_valid_objects_round_trip_through_json(model, data):
    o = model.model_validate(data.draw(RAW[model]))
    dumped = o.model_dump_json()
    assert model.model_validate_json(dumped) == o
    wire = times_in(o.model_dump(), json.loads(dumped))
    assert len(wire) >= len(TIME_FIELDS.get(model, []))
    assert all(isinstance(t, str) and t.endswith("Z") for t in wire), wire


# --- 2. unknown fields (top level and nested) ----------------------------------------------------
def with_extras(value, draw):
    if isinstance(value, dict):
        return {**draw(extra_keys), **{k: with_extras(v, draw) for k, v in value.items()}}
    if isinstance(value, list):
        return [with_extras(v, draw) for v in value]
    return value


@per_model
def test_unknown_fields_are_ignored(model, data):
    raw, top = data.draw(RAW[model]), data.draw(extra_keys)
    noisy = {**with_extras(raw, data.draw), **top}
    plain, o = model.model_validate(raw), model.model_validate(noisy)
    assert o == plain
    assert model.model_validate_json(to_json(noisy)) == plain
    assert o.model_dump() == plain.model_dump()
    assert not set(top) & set(o.model_dump())
    assert not o.model_extra


# --- 3. hostile input: a model or a ValidationError, never another exception ---------------------
def hostile(model, data):
    """Arbitrary JSON, or a valid object with one field replaced by arbitrary JSON or removed."""
    raw = data.draw(RAW[model])
    how = data.draw(st.sampled_from(["any", "replace", "remove"]))
    if how == "any":
        return data.draw(any_json)
    key = data.draw(st.sampled_from(sorted(raw)))
    return {**raw, key: data.draw(any_json)} if how == "replace" else \
        {k: v for k, v in raw.items() if k != key}


def validates(model, parse, value):
    try:
        assert isinstance(getattr(model, parse)(value), model)
    except ValidationError:
        return False
    return True


@per_model
def test_hostile_input_is_a_model_or_a_validation_error(model, data):
    value = hostile(model, data)
    validates(model, "model_validate", value)
    validates(model, "model_validate_json", to_json(value))
    validates(model, "model_validate_json", data.draw(st.binary(max_size=40)))


@per_model
def test_parse_many_never_raises_and_names_each_bad_item(model, data):
    kinds = data.draw(st.lists(st.booleans(), max_size=5))
    items = [hostile(model, data) if bad else data.draw(RAW[model]) for bad in kinds]
    good, errors = s.parse_many(model, items, "thing")
    bad = [i for i, it in enumerate(items) if not validates(model, "model_validate", it)]
    assert len(good) + len(errors) == len(items)
    assert len(errors) == len(bad)
    for i, line in zip(bad, errors, strict=True):
        assert line.startswith(f"thing #{i} ("), line


def test_parse_many_survives_a_huge_number_as_id():
    # Ids are strings in the contract; a number (even one too long for str()) is a bad item.
    good, errors = s.parse_many(s.WatchlistRemoved, [{"id": "w1"}, {"id": 10**4300}], "watchlist")
    assert len(good) == 1 and errors[0].startswith("watchlist #1 ")


# --- 4. one wrong field is rejected, and the error names it --------------------------------------
def unknown(allowed):
    return st.text(max_size=12).filter(lambda x: x not in allowed)


negative = st.integers(max_value=-1)
bad_lats = st.just(200) | st.floats(min_value=90.0001, max_value=1e9) | st.floats(max_value=-90.1)
bad_lons = st.floats(min_value=180.0001, max_value=1e9) | st.floats(max_value=-180.0001)
bad_times = (st.sampled_from(["yesterday", "", "2024-13-01T00:00:00Z", "soon", "12:00"])
             | naive_times | naive_times.map(datetime.isoformat))
BAD = [
    (s.Alarm, "priority", st.sampled_from(["high", "5", "0", "urgent"])
     | st.integers().filter(lambda n: n not in (1, 2, 3, 4))),
    (s.Alarm, "state", unknown(s.ALARM_STATES)), (s.Alarm, "kind", unknown(s.ALARM_KINDS)),
    (s.Alarm, "location.lat", bad_lats), (s.Alarm, "version", negative),
    (s.Alarm, "match_confidence", st.floats(1.0001, 1e9) | st.floats(max_value=-0.0001)),
    (s.Alarm, "created_at", bad_times), (s.Alarm, "camera_ids", st.just("cam-1")),
    (s.Unit, "status", unknown(s.UNIT_STATUSES)), (s.Unit, "kind", unknown(s.UNIT_KINDS)),
    (s.Unit, "position.lon", bad_lons), (s.Unit, "version", negative),
    (s.Unit, "status_since", bad_times),
    (s.UnitMoved, "lat", bad_lats), (s.UnitMoved, "lon", bad_lons),
    (s.UnitMoved, "id", st.just("")), (s.UnitMoved, "at", bad_times),
    (s.Camera, "status", unknown(("online", "offline"))), (s.Camera, "location.lon", bad_lons),
    (s.Camera, "version", negative | st.just("v2")),
    (s.Grid, "properties.version", negative), (s.Grid, "properties.id", st.just("")),
    (s.Grid, "geometry.type", unknown(("Polygon", "MultiPolygon"))),
    (s.WatchlistEntry, "legal_basis", st.text(alphabet=" \t\n\r\u3000\xa0\u2003", max_size=5)),
    (s.WatchlistEntry, "version", negative),
    (s.WatchlistEntry, "category", unknown(s.WATCHLIST_CATEGORIES)),
    (s.WatchlistEntry, "birth_year", st.integers(max_value=1879) | st.integers(min_value=2201)),
    (s.WatchlistEntry, "valid_until", bad_times),
    (s.WatchlistRemoved, "id", st.just("") | st.text(min_size=201, max_size=210)),
    (s.Notice, "level", unknown(get_args(s.NoticeLevel))), (s.Notice, "at", bad_times),
]


@pytest.mark.parametrize(("model", "path", "bad"), BAD,
                         ids=[f"{m.__name__}.{p}" for m, p, _ in BAD])
@FEW
@given(data=st.data())
def test_one_wrong_field_is_rejected_and_named(model, path, bad, data):
    raw = target = data.draw(RAW[model])
    *parents, leaf = path.split(".")
    for p in parents:
        assume(isinstance(target.get(p), dict))  # e.g. a unit without a position
        target[p] = dict(target[p])
        target = target[p]
    target[leaf] = data.draw(bad)
    with pytest.raises(ValidationError) as e:
        model.model_validate(raw)
    # a bad union tag is reported on the union itself ("geometry"), anything else on the field
    assert (path.rsplit(".", 1)[0] if leaf == "type" else path) in s.describe_error(e.value)


# --- 5. watchlist: protected keys never kept; expired entries not current ------------------------
@SETTINGS
@given(data=st.data(), protected=st.dictionaries(st.sampled_from(sorted(s.PROTECTED_KEYS)),
                                                json_values, min_size=1))
def test_protected_keys_are_never_kept(data, protected):
    raw = data.draw(RAW[s.WatchlistEntry])
    entry = s.WatchlistEntry.model_validate({**raw, **protected})
    assert entry == s.WatchlistEntry.model_validate(raw)
    assert not set(protected) & set(entry.model_dump())
    assert not set(protected) & set(json.loads(entry.model_dump_json()))
    assert s.WatchlistEntry.model_validate_json(to_json({**protected, **raw})) == entry


@SETTINGS
@given(raw=RAW[s.WatchlistEntry], after=st.timedeltas(timedelta(0), timedelta(days=3650)),
       before=st.timedeltas(timedelta(microseconds=1), timedelta(days=3650)))
def test_entry_is_current_only_before_valid_until(raw, after, before):
    entry = s.WatchlistEntry.model_validate(raw)
    assert not entry.is_current(entry.valid_until + after)
    assert entry.is_current(entry.valid_until - before)


# --- 6. times must carry an offset; any offset is the same instant -------------------------------
TIMED = [(m, f) for m, fs in TIME_FIELDS.items() for f in fs]
per_time_field = pytest.mark.parametrize(("model", "field"), TIMED,
                                         ids=[f"{m.__name__}.{f}" for m, f in TIMED])
offsets = st.integers(-(23 * 60 + 59), 23 * 60 + 59).filter(bool).map(
    lambda m: timezone(timedelta(minutes=m)))


@per_time_field
@FEW
@given(data=st.data(), naive=naive_times, as_text=st.booleans())
def test_naive_times_are_rejected(model, field, data, naive, as_text):
    value = naive.isoformat() if as_text else naive
    with pytest.raises(ValidationError) as e:
        model.model_validate({**data.draw(RAW[model]), field: value})
    assert field in s.describe_error(e.value)
    with pytest.raises(ValidationError):
        s.parse_time(value)


@per_time_field
@FEW
@given(data=st.data(), t=times, tz=offsets)
def test_offset_times_are_the_same_instant(model, field, data, t, tz):
    wire = t.astimezone(tz).isoformat()
    assert s.parse_time(wire) == t
    o = model.model_validate_json(to_json({**data.draw(RAW[model]), field: wire}))
    assert getattr(o, field) == t
    assert model.model_validate_json(o.model_dump_json()) == o


# --- 7. format_time / parse_time -----------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(t=st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31),
                      timezones=st.just(UTC) | st.timedeltas(timedelta(hours=-23),
                                                             timedelta(hours=23)).map(timezone)))
def test_format_time_is_utc_z_and_parses_back(t):
    wire = s.format_time(t)
    assert wire.endswith("Z")
    assert s.parse_time(wire) == t
    assert s.parse_time(wire).utcoffset() == timedelta(0)
