"""The outbox's rules: order, stable keys, idempotent completion, no duplicate commands."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
)

from backend_client.journal import Journal
from backend_client.outbox import Outbox


@pytest.fixture
def outbox(tmp_path):
    j = Journal(tmp_path / "journal.sqlite")
    yield Outbox(j)
    j.close()


def test_enqueue_and_read_back(outbox):
    item = outbox.enqueue("post", "/alarms/a1/dispatch", {"unit_ids": ["u1"], "note": "é"},
                          "op-1")
    assert item.method == "POST" and item.state == "pending" and not item.done
    assert uuid.UUID(item.idempotency_key).version == 4
    assert item.created_at.tzinfo is not None
    assert outbox.get(item.seq) == item == outbox.get_by_key(item.idempotency_key)
    assert outbox.pending() == [item] and outbox.pending_count() == 1
    assert outbox.get(999) is None


def test_bad_commands_are_refused_before_writing(outbox):
    with pytest.raises(ValueError):
        outbox.enqueue("POST", "alarms/a1/close", {}, "op-1")
    with pytest.raises(TypeError):
        outbox.enqueue("POST", "/alarms/a1/close", {"when": object()}, "op-1")
    assert outbox.recent() == []


def test_same_key_returns_the_existing_command(outbox, caplog):
    first = outbox.enqueue("POST", "/alarms/a1/acknowledge", {}, "op-1", key="k1")
    again = outbox.enqueue("POST", "/alarms/a1/acknowledge", {}, "op-1", key="k1")
    other = outbox.enqueue("POST", "/alarms/a2/acknowledge", {"x": 1}, "op-1", key="k1")
    assert again == first and other == first
    assert len(outbox.pending()) == 1
    assert "already used" in caplog.text


def test_sent_rejected_attempts_and_prune(outbox):
    a = outbox.enqueue("POST", "/alarms/a1/acknowledge", {}, "op-1")
    b = outbox.enqueue("POST", "/alarms/a2/acknowledge", {}, "op-1")
    c = outbox.enqueue("POST", "/alarms/a3/acknowledge", {}, "op-1")
    outbox.record_attempt(a.seq, "connection refused")
    outbox.record_attempt(a.seq, "timeout")
    assert outbox.get(a.seq).attempts == 2 and outbox.get(a.seq).last_error == "timeout"
    outbox.mark_sent(a.seq, 200, {"id": "a1", "version": 2})
    outbox.mark_rejected(b.seq, 409, "invalid transition", {"error": {"code": "x"}})
    sent, rejected = outbox.get(a.seq), outbox.get(b.seq)
    assert sent.state == "sent" and sent.status_code == 200 and sent.response["version"] == 2
    assert sent.done_at is not None and sent.done
    assert rejected.state == "rejected" and rejected.last_error == "invalid transition"
    # Done is final: neither a second answer nor an attempt changes it.
    outbox.mark_rejected(a.seq, 500, "late", None)
    outbox.mark_sent(b.seq, 200, None)
    outbox.record_attempt(a.seq, "late")
    assert outbox.get(a.seq) == sent and outbox.get(b.seq) == rejected
    assert outbox.pending() == [c]
    assert [i.seq for i in outbox.recent(2)] == [c.seq, b.seq]
    assert outbox.prune_done(datetime.now(UTC) - timedelta(hours=1)) == 0
    assert outbox.prune_done(datetime.now(UTC) + timedelta(seconds=1)) == 2
    assert [i.seq for i in outbox.recent()] == [c.seq]


class OutboxMachine(RuleBasedStateMachine):
    """The outbox against a list model, through reopenings of the file."""

    items = Bundle("items")

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="outbox-"))
        self.journal = Journal(self.dir / "journal.sqlite")
        self.outbox = Outbox(self.journal)
        self.model: dict[int, dict] = {}  # seq -> {"key", "state", "path"}
        self.keys: dict[str, int] = {}

    def teardown(self) -> None:
        self.journal.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    @rule(target=items, path=st.sampled_from(["/alarms/a1/acknowledge", "/units/u1/status"]),
          key=st.one_of(st.none(), st.sampled_from(["k1", "k2", "k3"])))
    def enqueue(self, path, key):
        item = self.outbox.enqueue("POST", path, {"p": path}, "op-1", key=key)
        if key is not None and key in self.keys:
            assert item.seq == self.keys[key]  # the existing command, not a second one
            assert item.path == self.model[item.seq]["path"]
        else:
            assert item.seq not in self.model and item.seq > max(self.model, default=0)
            self.model[item.seq] = {"key": item.idempotency_key, "state": "pending",
                                    "path": path}
            self.keys[item.idempotency_key] = item.seq
        return item.seq

    @rule(seq=items, status=st.sampled_from([200, 201]))
    def mark_sent(self, seq, status):
        self.outbox.mark_sent(seq, status, {"ok": True})
        if self._known(seq) and self.model[seq]["state"] == "pending":
            self.model[seq]["state"] = "sent"

    @rule(seq=items)
    def mark_rejected(self, seq):
        self.outbox.mark_rejected(seq, 409, "conflict", None)
        if self._known(seq) and self.model[seq]["state"] == "pending":
            self.model[seq]["state"] = "rejected"

    @rule(seq=items)
    def record_attempt(self, seq):
        before = self.outbox.get(seq)
        self.outbox.record_attempt(seq, "unreachable")
        if not self._known(seq):
            return
        after = self.outbox.get(seq)
        assert after.idempotency_key == before.idempotency_key
        assert after.attempts == before.attempts + (1 if before.state == "pending" else 0)

    def _known(self, seq: int) -> bool:
        """Whether ``seq`` is still stored; a pruned one must stay gone whatever is done to it."""
        if seq in self.model:
            return True
        assert self.outbox.get(seq) is None
        return False

    @rule()
    def reopen(self):
        self.journal.close()
        self.journal = Journal(self.dir / "journal.sqlite")
        self.outbox = Outbox(self.journal)

    @rule(seq=consumes(items))
    def prune_if_done(self, seq):
        # Pruning only ever removes answered commands.
        self.outbox.prune_done(datetime.now(UTC) + timedelta(seconds=1))
        self.model = {s: m for s, m in self.model.items() if m["state"] == "pending"}
        self.keys = {k: s for k, s in self.keys.items() if s in self.model}

    @invariant()
    def pending_in_order_with_stable_keys(self):
        pending = self.outbox.pending()
        expected = [(s, m["key"]) for s, m in sorted(self.model.items())
                    if m["state"] == "pending"]
        assert [(p.seq, p.idempotency_key) for p in pending] == expected
        for seq, m in self.model.items():
            item = self.outbox.get(seq)
            assert item is not None and item.state == m["state"]
            assert item.idempotency_key == m["key"]


OutboxMachine.TestCase.settings = settings(
    max_examples=40, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_outbox_state_machine = OutboxMachine.TestCase
